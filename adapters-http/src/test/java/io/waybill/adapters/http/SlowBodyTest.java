package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.TestServer.RawResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Slowhttptest's slow-body attack, in small: hundreds of clients that announce a body and trickle it in hold no
 * thread, so that probes and lookups from another client still answer.
 */
class SlowBodyTest {

    private static final int SLOW_CLIENTS = 400;
    // Functional, not a speed goal (bench/slowbody.sh measures that): a stalled server never answers in time.
    private static final int ANSWER_WITHIN_MS = 5_000;

    @Test
    void probesAndLookupsAnswerWhileHundredsOfBodiesTrickleIn() {
        try (TestServer server = TestServer.start(
                        TestUseCases.builder().findShipment(TestUseCases.finding(TestShipments.ALL)).build());
                SlowClients slow = SlowClients.open(server.port(), SLOW_CLIENTS, "/shipment/")) {
            assertThat(slow.trickle()).as("every slow client is still connected").isEqualTo(SLOW_CLIENTS);

            RawResponse health = exchange(server.port(), "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n");
            RawResponse lookup = exchange(server.port(), "GET /api/v1/shipments/TN12345678 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");
            String body = "{\"tracking_number\":\"TN12345678\"}";
            RawResponse legacyLookup = exchange(server.port(), "POST /shipment/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n"
                    + "Connection: close\r\n\r\n" + body);

            assertThat(health.status()).isEqualTo(200);
            assertThat(lookup.status()).as(text(lookup.body())).isEqualTo(200);
            assertThat(json(lookup.body()).get("tracking_number").asText()).isEqualTo("TN12345678");
            assertThat(legacyLookup.status()).as(text(legacyLookup.body())).isEqualTo(200);
        }
    }

    // Whichever comes first: the handler gives up the bodies still awaited (503), or the short idle timeout that
    // the graceful stop sets ends the wait for them (408). Before, the blocked read failed into a 500.
    @Test
    void closingTheServerAnswersTheBodiesStillAwaited() {
        TestServer server = TestServer.start(TestUseCases.builder().build());
        try (SlowClients slow = SlowClients.openAwaited(server.port(), 3, "/shipment/")) {
            assertThat(slow.trickle()).isEqualTo(3);

            server.close();

            assertThat(slow.answers()).allSatisfy(answer -> {
                assertThat(answer.status()).as(text(answer.body())).isIn(408, 503);
                assertThat(answer.headers().get("content-type")).isEqualTo(Problem.CONTENT_TYPE);
            });
        }
    }

    /** Sends {@code request} whole on a new connection; the answer, which must come within the bound. */
    static RawResponse exchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(ANSWER_WITHIN_MS);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return RawResponse.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer within " + ANSWER_WITHIN_MS + " ms to " + request.lines()
                    .findFirst().orElse(""), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }
}
