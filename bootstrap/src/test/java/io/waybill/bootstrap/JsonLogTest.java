package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code waybill serve} with {@code WAYBILL_LOG_FORMAT=json}: every line on standard error is a JSON object, and what
 * is logged while serving a request carries the id the request came with, which the answer echoes; a request
 * without one gets one made.
 */
class JsonLogTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void eachLineIsAnObjectAndTheRequestIdIsLoggedAndEchoed() throws Exception {
        Path log = directory.resolve("serve.log");
        Answer named;
        Answer unnamed;
        Answer cutShort;
        List<String> printed;
        try (ServiceProcess service = ServiceProcess.start(Map.of("WAYBILL_DATA_DIR",
                directory.resolve("data").toString(), "WAYBILL_LOG_FORMAT", "json"), log)) {
            printed = service.printedBeforeListening();
            named = send(service.port(), "GET /health HTTP/1.1\r\nHost: a\r\nX-Request-Id: test-123\r\n"
                    + "Connection: close\r\n\r\n");
            unnamed = send(service.port(), "GET /health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
            // A body that ends before its announced length is logged (one INFO line), on a thread of its own.
            cutShort = send(service.port(), "POST /shipment HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                    + "X-Request-Id: test-123\r\nContent-Length: 100\r\n\r\n{\"tra");
        }

        assertThat(printed).as("Logback's status, printed when its configuration has a warning").isEmpty();
        assertThat(named.status()).isEqualTo(200);
        assertThat(named.header("x-request-id")).isEqualTo("test-123");
        assertThat(UUID.fromString(unnamed.header("x-request-id")).toString()).isEqualTo(unnamed.header("x-request-id"));
        assertThat(cutShort.status()).isEqualTo(400);
        assertThat(cutShort.header("x-request-id")).isEqualTo("test-123");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            JsonNode parsed = parse(line);
            assertThat(parsed.isObject()).as(line).isTrue();
            assertThat(parsed.has("time") && parsed.has("level") && parsed.has("logger") && parsed.has("thread")
                    && parsed.has("message")).as(line).isTrue();
            lines.add(parsed);
        }
        assertThat(lines).filteredOn(line -> line.path("request_id").asText().equals("test-123"))
                .extracting(line -> line.get("message").asText())
                .anySatisfy(message -> assertThat(message).startsWith("A request body broke off: POST /shipment"));
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private record Answer(int status, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name);
        }
    }

    // Sends the request, says there is no more (a body cut short is then seen at once), and reads the answer.
    private static Answer send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            Map<String, String> headers = new java.util.HashMap<>();
            for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
                }
            }
            return new Answer(Integer.parseInt(answer.substring(9, 12)), headers);
        }
    }
}
