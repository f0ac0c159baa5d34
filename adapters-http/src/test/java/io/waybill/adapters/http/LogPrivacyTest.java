package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.waybill.application.port.out.StorageUnavailableException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Requests that carry a customer's name, a phone and API keys in every place a client can put them (body, path,
 * query, Host and other headers) leave none of them in the log, nor a stack trace for what the client did wrong.
 */
class LogPrivacyTest {

    private static final String NAME = "Zelda Quaxley";
    private static final String NAME_IN_URL = "Zelda%20Quaxley";
    private static final String PHONE = "0987654321";
    // Not a key of the server's: a key for another environment pasted in the wrong place.
    private static final String OTHER_KEY = "sk-live-9f8e7d6c5b4a39281706";
    private static final List<String> SECRETS = List.of("Zelda", "Quaxley", PHONE, OTHER_KEY, TestServer.KEY);
    // Jetty's parsers log a Host header they refuse, at WARN: bootstrap's waybill-logback.xml sets them to ERROR,
    // as set here (ServiceLogPrivacyTest checks that file with the service in a process of its own).
    private static final List<String> CONFIGURED_QUIET = List.of("org.eclipse.jetty.util.HostPort",
            "org.eclipse.jetty.http.HttpParser");

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        CONFIGURED_QUIET.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.ERROR));
        server = TestServer.start(TestUseCases.builder()
                .issueTrackingNumber(order -> {
                    throw new StorageUnavailableException("could not store: SQLException [SQLSTATE 08006]", null);
                })
                .registerShipment(command -> {
                    throw new StorageUnavailableException("could not register shipment TN24681357/DHL", null);
                })
                .findShipment(query -> {
                    throw new IllegalStateException("a bug in the lookup");
                })
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
        CONFIGURED_QUIET.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(null));
    }

    @Test
    void clientErrorsLeaveNoSecretAndNoTrace() {
        List<Integer> statuses = new ArrayList<>();
        try (CapturedLogs logs = new CapturedLogs()) {
            String body = "{\"receiver\": {\"name\": \"" + NAME + "\", \"phone\": \"" + PHONE + "\"}, \"weight_kg\": 1e999}";
            statuses.add(server.post("/api/v1/shipments", body, "Authorization", "Bearer " + OTHER_KEY).statusCode());
            statuses.add(server.post("/api/v1/shipments", body, "X-API-Key", OTHER_KEY).statusCode());
            statuses.add(server.post("/api/v1/shipments", body.replace("}, ", ", "), STAFF).statusCode());
            statuses.add(server.post("/shipment/", "{\"tracking_number\": \"" + NAME + "\"}").statusCode());
            statuses.add(server.post("/shipment/", "{\"tracking_number\": " + NAME + "}").statusCode());
            statuses.add(server.get("/api/v1/shipments/" + OTHER_KEY).statusCode());
            statuses.add(server.get("/api/v1/shipments/" + NAME_IN_URL + "?carrier=" + PHONE).statusCode());
            statuses.add(server.get("/query?sno=" + NAME_IN_URL + "&api_key=" + OTHER_KEY).statusCode());
            statuses.add(server.get("/next-tracking-number?customer_name=" + NAME_IN_URL + "&phone=" + PHONE)
                    .statusCode());
            statuses.add(server.get("/api/v1/shipments?api_key=" + OTHER_KEY).statusCode());
            statuses.add(server.get("/" + OTHER_KEY + "/" + NAME_IN_URL).statusCode());
            for (String host : List.of(OTHER_KEY, OTHER_KEY + ":notaport", OTHER_KEY + " " + NAME, "a\r\nHost: " + OTHER_KEY,
                    OTHER_KEY + "@example.com", "[" + OTHER_KEY + "]")) {
                statuses.add(server.raw("GET /api/v1/shipments/" + NAME_IN_URL + " HTTP/1.1\r\nHost: " + host
                        + "\r\nConnection: close\r\n\r\n", out -> {}).status());
            }
            statuses.add(server.raw("GET http://" + OTHER_KEY + "@example.com/query?sno=" + NAME_IN_URL
                    + " HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n", out -> {}).status());
            statuses.add(server.raw("GET /query?sno=" + NAME + " HTTP/1.1\r\nHost: " + OTHER_KEY
                    + "\r\nConnection: close\r\n\r\n", out -> {}).status());

            assertThat(statuses).allSatisfy(status -> assertThat(status).isBetween(400, 499));
            assertThat(logs.text()).doesNotContain(SECRETS);
            assertThat(logs.withThrowable()).as(logs.text()).isZero();
        }
    }

    @Test
    void serverErrorsLeaveNoSecret() {
        try (CapturedLogs logs = new CapturedLogs()) {
            HttpResponse<byte[]> storage = server.get("/next-tracking-number?" + TestServer.SAMPLE_QUERY.replace(
                    "RedBox%20Logistics", NAME_IN_URL));
            HttpResponse<byte[]> register = server.post("/api/v1/shipments",
                    TestJson.resource("register-shipment.json").replace("賴小賴", NAME).replace("0912345678", PHONE),
                    STAFF);
            HttpResponse<byte[]> bug = server.get("/api/v1/shipments/TN12345678?carrier=DHL", STAFF);

            assertThat(storage.statusCode()).isEqualTo(503);
            assertThat(register.statusCode()).isEqualTo(503);
            assertThat(bug.statusCode()).isEqualTo(500);
            assertThat(logs.text()).doesNotContain(SECRETS)
                    .contains("GET /next-tracking-number", "POST /api/v1/shipments",
                            "GET /api/v1/shipments/{tracking_number}");
            assertThat(logs.lines()).isEqualTo(3);
        }
    }

    @Test
    void malformedRequestsLeaveNoSecret() throws Exception {
        String base = "GET /query?sno=" + NAME_IN_URL + "&phone=" + PHONE + " HTTP/1.1\r\nHost: " + OTHER_KEY
                + "\r\nX-API-Key: " + OTHER_KEY + "\r\nAuthorization: Bearer " + TestServer.KEY
                + "\r\nContent-Length: 13\r\n\r\n" + NAME;
        String noise = "\u0000\r\n :%@[]/?#;,\"\t\u007f\u00ff\u00e9";
        java.util.Random random = new java.util.Random(20261206);
        try (CapturedLogs logs = new CapturedLogs()) {
            for (int i = 0; i < 300; i++) {
                StringBuilder request = new StringBuilder(base);
                for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                    int at = random.nextInt(request.length());
                    switch (random.nextInt(3)) {
                        case 0 -> request.insert(at, noise.charAt(random.nextInt(noise.length())));
                        case 1 -> request.deleteCharAt(at);
                        default -> request.insert(at, random.nextBoolean() ? OTHER_KEY : NAME);
                    }
                }
                rawHalfClosed(request.toString());
            }

            assertThat(logs.text()).doesNotContain(SECRETS);
        }
    }

    // Sends the bytes, says there are no more (so that Jetty never waits for the rest), and reads the answer, if any.
    private static void rawHalfClosed(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            socket.getInputStream().readAllBytes();
        } catch (java.net.SocketException reset) {
            // Jetty may close a connection on a request it refuses before reading all of it.
        }
    }
}
