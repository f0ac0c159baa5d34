package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.KEY;
import static io.waybill.adapters.http.TestServer.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.TestServer.RawResponse;
import io.waybill.application.port.out.StorageUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every answer carries an {@code X-Request-Id}: the request's own when sane, a new one otherwise; and what is logged
 * while serving a request carries the same id, on whichever thread it is logged, and never a former request's.
 */
class RequestIdTest {

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder()
                .issueTrackingNumber(order -> {
                    throw new StorageUnavailableException("commit timed out", null);
                })
                .registerShipment(command -> {
                    throw new StorageUnavailableException("commit timed out", null);
                })
                .findShipment(query -> {
                    throw new IllegalStateException("a bug in the lookup");
                })
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"test-123", "a", "0f8fad5b-d9cb-469f-a165-70867728950e", "!~#%&'*+.^_`|{}[]()<>@,;:\\\"/?="})
    void aSaneIdIsKept(String id) {
        assertThat(RequestIds.accepted(id)).isEqualTo(id);
        assertThat(RequestIds.accepted("x".repeat(RequestIds.MAX_LENGTH))).hasSize(RequestIds.MAX_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\there", "new\nline", "nul\u0000", "del\u007f", "caf\u00e9",
        "\u8cf4", "\ud83d\ude00"})
    void anInsaneIdIsReplaced(String id) {
        String replacement = RequestIds.accepted(id);

        assertThat(replacement).isNotEqualTo(id);
        assertThat(UUID.fromString(replacement)).isNotNull();
        assertThat(RequestIds.accepted(null)).isNotEqualTo(replacement);
        assertThat(RequestIds.accepted("x".repeat(RequestIds.MAX_LENGTH + 1))).hasSize(36);
    }

    @Test
    void theIdSentIsEchoed() {
        HttpResponse<byte[]> response = server.get("/health", "X-Request-Id", "test-123");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("test-123");
    }

    @Test
    void withoutOneAnIdIsMadeForEachRequest() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<byte[]> response = server.get("/health");
            String id = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(5);
    }

    @Test
    void anIdTooLongOrNotAsciiIsReplacedInTheAnswer() {
        RawResponse tooLong = server.raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: "
                + "x".repeat(129) + "\r\nConnection: close\r\n\r\n", out -> {});
        RawResponse latin1 = server.raw("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: caf\u00e9"
                + "\r\nConnection: close\r\n\r\n", out -> {});

        assertThat(List.of(tooLong, latin1)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(200);
            String id = response.headers().get("x-request-id");
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        });
    }

    @Test
    void everyKindOfErrorEchoesTheId() {
        List<Integer> statuses = new ArrayList<>();
        List<String> echoed = new ArrayList<>();
        for (HttpResponse<byte[]> response : List.of(
                server.get("/no-such-thing", "X-Request-Id", "err-1"),
                server.send("DELETE", "/health", "X-Request-Id", "err-1"),
                server.get("/api/v1/shipments", "X-Request-Id", "err-1"),
                server.get("/api/v1/shipments?limit=0", "X-Request-Id", "err-1", "Authorization", "Bearer " + KEY),
                server.get("/api/v1/shipments/TN12345678", "X-Request-Id", "err-1", STAFF[0], STAFF[1]),
                server.get("/next-tracking-number?" + TestServer.SAMPLE_QUERY, "X-Request-Id", "err-1"))) {
            statuses.add(response.statusCode());
            echoed.add(response.headers().firstValue("X-Request-Id").orElse(null));
        }
        // Announced, never sent: the server refuses it on the length and may close before a sent body is all written,
        // which an HTTP client sending the body can report as a broken connection instead of the answer.
        RawResponse tooLarge = server.raw("POST /shipment HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                + "\r\nX-Request-Id: err-1\r\nContent-Length: 1000001\r\n\r\n", out -> {});
        statuses.add(tooLarge.status());
        echoed.add(tooLarge.headers().get("x-request-id"));

        assertThat(statuses).containsExactly(404, 405, 401, 400, 500, 503, 413);
        assertThat(echoed).containsOnly("err-1");
    }

    @Test
    void aRequestJettyRefusesBeforeReadingItsHeadersGetsAnIdMade() {
        RawResponse malformed = server.raw("GET /a%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: err-2"
                + "\r\nConnection: close\r\n\r\n", out -> {});

        assertThat(malformed.status()).isEqualTo(400);
        String id = malformed.headers().get("x-request-id");
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }

    @Test
    void whatIsLoggedWhileServingCarriesTheId() throws IOException {
        try (CapturedLogs logs = new CapturedLogs()) {
            // Without a body, on the thread the request came in on; with one, on the thread that finished reading it.
            server.get("/next-tracking-number?" + TestServer.SAMPLE_QUERY, "X-Request-Id", "log-1");
            server.post("/api/v1/shipments", TestJson.resource("register-shipment.json"), "X-Request-Id", "log-2",
                    STAFF[0], STAFF[1]);
            server.get("/api/v1/shipments/TN12345678", "X-Request-Id", "log-3", STAFF[0], STAFF[1]);
            RawResponse cutShort = cutShort("log-4");
            HttpResponse<byte[]> unnamed = server.get("/next-tracking-number?" + TestServer.SAMPLE_QUERY);

            assertThat(cutShort.status()).isEqualTo(400);
            assertThat(cutShort.headers()).containsEntry("x-request-id", "log-4");
            String made = unnamed.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(logs.requestIds()).as(logs.text()).containsExactly("log-1", "log-2", "log-3", "log-4", made);
        }
    }

    private static RawResponse cutShort(String id) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /shipment HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Request-Id: "
                    + id + "\r\nContent-Length: 100\r\n\r\n{\"tra").getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            return RawResponse.parse(socket.getInputStream().readAllBytes());
        }
    }
}
