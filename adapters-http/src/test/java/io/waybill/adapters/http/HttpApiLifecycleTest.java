package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.SAMPLE_QUERY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.waybill.application.port.in.IssueTrackingNumberUseCase;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HttpApiLifecycleTest {

    private static final List<String> KEYS = List.of(TestServer.KEY);

    @Test
    void closeRefusesNewConnectionsButLetsARequestInProgressFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IssueTrackingNumberUseCase issuing = TestUseCases.issuing(new AtomicInteger());
        IssueTrackingNumberUseCase slow = order -> {
            entered.countDown();
            await(release);
            return issuing.issue(order);
        };
        HttpApi api = HttpApi.start(TestServer.settings(), TestUseCases.builder().issueTrackingNumber(slow).build());
        int port = api.port();
        CompletableFuture<HttpResponse<String>> inProgress = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/next-tracking-number?" + SAMPLE_QUERY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(api::close);
        Instant deadline = Instant.now().plusSeconds(10);
        while (accepts(port) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }

        assertThat(accepts(port)).as("new connections refused once closing").isFalse();
        assertThat(closing).as("close waits for the request in progress").isNotDone();
        release.countDown();
        HttpResponse<String> response = inProgress.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"tracking_number\":\"MY");
        closing.get(10, TimeUnit.SECONDS);
        assertThat(api.port()).isEqualTo(port);
    }

    @Test
    void settingsRefuseAPortOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSettings("127.0.0.1", -1, KEYS));
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSettings("127.0.0.1", 65_536, KEYS));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException refused) {
            return false;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
