package io.waybill.adapters.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.out.WebhookSender.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpWebhookSenderTest {

    private static final byte[] BODY = "{\"type\":\"shipment.delivered\"}".getBytes(StandardCharsets.UTF_8);

    private final ServerSocket server = open();
    private final AtomicInteger resolved = new AtomicInteger();

    private static ServerSocket open() {
        try {
            return new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    // receiver.invalid is no name the system resolves (.invalid never is): only this resolver's answer reaches it.
    private HttpWebhookSender sender(Duration connect, Duration answer) {
        TargetGuard guard = new TargetGuard(true, host -> {
            resolved.incrementAndGet();
            if (!host.equals("receiver.invalid")) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getLoopbackAddress());
        });
        return new HttpWebhookSender(guard, connect, answer, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    private URI url(String path) {
        return URI.create("http://receiver.invalid:" + server.getLocalPort() + path);
    }

    /** Accepts one connection, reads the request's head and body, and answers {@code answer} (null: nothing). */
    private CompletableFuture<String> receive(String answer, CountDownLatch hold) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream seen = new ByteArrayOutputStream();
                while (!seen.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
                    seen.write(in.read());
                }
                String head = seen.toString(StandardCharsets.US_ASCII);
                int length = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                if (answer != null) {
                    socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
                hold.await(30, TimeUnit.SECONDS);
                return head + body + (in.read() == -1 ? "<closed>" : "<open>");
            } catch (IOException e) {
                return "failed: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        });
    }

    @Test
    void postsToTheAddressTheGuardCheckedAndReadsOnlyTheFinalStatus() throws Exception {
        CountDownLatch hold = new CountDownLatch(0);
        CompletableFuture<String> received = receive("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n"
                + "Content-Length: 100000\r\n\r\nnot all of it", hold);

        Answer answer = sender(Duration.ofSeconds(5), Duration.ofSeconds(5)).post(url("/hooks?shop=1"),
                Map.of("webhook-id", "msg_1", "webhook-timestamp", "1700000000", "webhook-signature", "v1,abc"), BODY);

        assertThat(answer.status()).hasValue(204);
        assertThat(answer.error()).isEmpty();
        String request = received.get(10, TimeUnit.SECONDS);
        assertThat(request).startsWith("POST /hooks?shop=1 HTTP/1.1\r\n")
                .contains("Host: receiver.invalid:" + server.getLocalPort() + "\r\n", "webhook-id: msg_1\r\n",
                        "webhook-timestamp: 1700000000\r\n", "webhook-signature: v1,abc\r\n",
                        "Content-Type: application/json\r\n")
                .endsWith("{\"type\":\"shipment.delivered\"}<closed>");
        assertThat(resolved).as("resolved once, for the check, and connected to what it answered").hasValue(1);
    }

    @Test
    void aReceiverThatNeverFinishesItsAnswerIsCutOffAtTheLimit() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CompletableFuture<String> received = receive("HTTP/1.1 2", hold);
        long start = System.nanoTime();

        Answer answer = sender(Duration.ofSeconds(1), Duration.ofSeconds(1)).post(url("/"), Map.of(), BODY);

        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        hold.countDown();
        assertThat(answer.status()).isEmpty();
        assertThat(answer.error()).hasValueSatisfying(error -> assertThat(error).contains("within"));
        assertThat(took).as("cut off at the limit of 2 s").isBetween(900L, 5000L);
        assertThat(received.get(10, TimeUnit.SECONDS)).endsWith("<closed>");
    }

    @Test
    void anAnswerWhoseBodyNeverEndsCountsByItsStatusAtOnce() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CompletableFuture<String> received = receive("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\nab", hold);
        long start = System.nanoTime();

        Answer answer = sender(Duration.ofSeconds(5), Duration.ofSeconds(5)).post(url("/"), Map.of(), BODY);

        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        hold.countDown();
        assertThat(answer.status()).hasValue(200);
        assertThat(took).as("the body is not waited for").isLessThan(4000L);
        assertThat(received.get(10, TimeUnit.SECONDS)).endsWith("<closed>");
    }

    @Test
    void anInterruptEndsTheAttemptAtOnceAndClosesTheConnection() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CompletableFuture<String> received = receive(null, hold);
        Thread caller = Thread.currentThread();
        CompletableFuture.runAsync(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(300); // lets the attempt start; what is checked is that it then ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            caller.interrupt();
        });
        long start = System.nanoTime();
        Answer answer;
        try {
            answer = sender(Duration.ofSeconds(10), Duration.ofSeconds(10)).post(url("/"), Map.of(), BODY);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000L);
        assertThat(answer.error()).hasValueSatisfying(error -> assertThat(error).contains("interrupted"));
        hold.countDown();
        assertThat(received.get(10, TimeUnit.SECONDS)).endsWith("<closed>");
    }

    @Test
    void aRefusedTargetIsNeverConnectedTo() {
        TargetGuard guard = new TargetGuard(false, host -> List.of(InetAddress.getLoopbackAddress()));
        HttpWebhookSender sender = new HttpWebhookSender(guard, Duration.ofSeconds(1), Duration.ofSeconds(1),
                (SSLSocketFactory) SSLSocketFactory.getDefault());

        Answer answer = sender.post(url("/"), Map.of(), BODY);

        assertThat(answer.error()).hasValueSatisfying(error -> assertThat(error).startsWith("refused:")
                .contains("not a public address"));
    }

    @Test
    void aNameThatDoesNotResolveInTimeIsRefused() {
        CountDownLatch never = new CountDownLatch(1);
        TargetGuard guard = new TargetGuard(false, host -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        });
        HttpWebhookSender sender = new HttpWebhookSender(guard, Duration.ofMillis(200), Duration.ofSeconds(1),
                (SSLSocketFactory) SSLSocketFactory.getDefault());

        assertThat(sender.refusal(URI.create("https://slow.example/"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("did not resolve within"));
    }
}
