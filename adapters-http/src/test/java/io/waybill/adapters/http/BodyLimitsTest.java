package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.KEY;
import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.HttpSettings.BodyLimits;
import io.waybill.adapters.http.TestServer.RawResponse;
import io.waybill.adapters.persistence.Persistence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How long and how large a body may be: 408 past the body timeout or below an import's minimum rate, 413 past 1 MB. */
class BodyLimitsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        HttpSettings settings = TestServer.settings().withBodyLimits(new BodyLimits(TIMEOUT, 1_000));
        server = TestServer.start(settings, TestUseCases.builder()
                .findShipment(TestUseCases.finding(TestShipments.ALL))
                .importShipments(command -> {
                    try (var lines = Persistence.shipmentFileReader().lines(command.bytes(), command.name())) {
                        lines.forEach(line -> {});
                    }
                    throw new AssertionError("the body cannot end well");
                }).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aJsonBodyStillIncompleteAtTheTimeoutIs408AndTheConnectionCloses() throws IOException {
        RawResponse response = trickle("POST /shipment/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 8192\r\n\r\n{");

        assertThat(response.status()).as(text(response.body())).isEqualTo(408);
        assertThat(response.headers().get("content-type")).isEqualTo(Problem.CONTENT_TYPE);
        assertThat(response.headers().get("connection")).isEqualTo("close");
        assertThat(response.headers()).containsEntry("x-content-type-options", "nosniff")
                .containsEntry("cache-control", "private, no-store");
        assertThat(json(response.body()).get("detail").asText())
                .isEqualTo("The request body did not arrive within 300 ms; send it whole, at once");
    }

    @Test
    void anImportBodyBelowTheMinimumRateIs408() throws IOException {
        RawResponse response = trickle("POST /api/v1/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                + "Authorization: Bearer " + KEY + "\r\nContent-Length: 100000\r\n\r\n" + ImportShipmentsTest.HEADER);

        assertThat(response.status()).as(text(response.body())).isEqualTo(408);
        assertThat(response.headers().get("connection")).isEqualTo("close");
        assertThat(json(response.body()).get("detail").asText())
                .startsWith("The body arrived too slowly (the body arrived slower than 1000 bytes a second)");
    }

    @Test
    void aJsonBodyOverOneMegabyteIs413WhetherAnnouncedOrChunked() throws IOException {
        byte[] large = ("{\"tracking_number\":\"" + "1".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        RawResponse announced = server.raw("POST /shipment/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
                + " application/json\r\nContent-Length: " + large.length + "\r\n\r\n", out -> {});
        RawResponse chunked = server.raw("POST /shipment/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
                + " application/json\r\nTransfer-Encoding: chunked\r\n\r\n", out -> {
                    out.write((Integer.toHexString(large.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    try {
                        for (int at = 0; at < large.length; at += 65_536) {
                            out.write(large, at, Math.min(65_536, large.length - at));
                        }
                        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException answeredBeforeTheEnd) {
                        // the server may refuse the body, and close, before it is all sent
                    }
                });

        for (RawResponse response : new RawResponse[] {announced, chunked}) {
            assertThat(response.status()).as(text(response.body())).isEqualTo(413);
            assertThat(response.headers().get("content-type")).isEqualTo(Problem.CONTENT_TYPE);
            assertThat(json(response.body()).get("detail").asText())
                    .isEqualTo("The request body may be at most 1000000 bytes");
        }
    }

    @Test
    void aChunkedJsonBodyIsReadWhole() {
        String body = "{\"tracking_number\":\"TN12345678\"}";
        RawResponse response = server.raw("POST /shipment/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
                + " application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", out -> {
                    for (String part : new String[] {body.substring(0, 10), body.substring(10)}) {
                        out.write((Integer.toHexString(part.length()) + "\r\n" + part + "\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                });

        assertThat(response.status()).as(text(response.body())).isEqualTo(200);
        assertThat(json(response.body()).get("tracking_number").asText()).isEqualTo("TN12345678");
    }

    /**
     * Sends {@code head}, then a space every 20 ms (a client that keeps the connection busy, so that no idle timeout
     * ends it) until the answer begins, and reads the answer.
     */
    private static RawResponse trickle(String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            Instant giveUp = Instant.now().plusSeconds(10);
            while (in.available() == 0 && Instant.now().isBefore(giveUp)) {
                try {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(20); // the client's pace, not a wait for the server
                } catch (IOException closedByTheServer) {
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return RawResponse.parse(answer.toByteArray());
        }
    }
}
