package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code waybill serve} with its own logging configuration, as deployed, in either format: requests that carry a
 * name, a phone and API keys in the body, path, query, Host and other headers, malformed or not, leave none of them in
 * its log.
 */
class ServiceLogPrivacyTest {

    private static final String KEY = "staff-key-for-the-log-test-0123456789";
    private static final String OTHER_KEY = "sk-live-9f8e7d6c5b4a39281706";
    private static final String NAME = "Zelda%20Quaxley";
    private static final String PHONE = "0987654321";

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void theLogHoldsNoNamePhoneOrKey(String format) throws Exception {
        Path log = directory.resolve("serve.log");
        List<Integer> statuses = new ArrayList<>();
        try (ServiceProcess service = ServiceProcess.start(Map.of("WAYBILL_DATA_DIR", directory.resolve("data").toString(),
                "WAYBILL_API_KEYS", KEY, "WAYBILL_LOG_FORMAT", format), log)) {
            assertThat(service.printedBeforeListening()).as("Logback's status, printed on a warning").isEmpty();
            String body = "{\"tracking_number\": \"Zelda Quaxley\", \"phone\": \"" + PHONE + "\"}";
            List<String> requests = List.of(
                    request("GET /next-tracking-number?customer_name=" + NAME + "&phone=" + PHONE, "Host: " + OTHER_KEY),
                    request("GET /api/v1/shipments/" + NAME, "Host: " + OTHER_KEY + ":notaport"),
                    request("GET /api/v1/shipments/" + NAME, "Host: " + OTHER_KEY + " " + NAME),
                    request("GET /api/v1/shipments/" + NAME, "Host: a", "Host: " + OTHER_KEY),
                    request("GET /api/v1/shipments/" + NAME, "Host: [" + OTHER_KEY + "]"),
                    request("GET http://" + OTHER_KEY + "@a/query?sno=" + NAME, "Host: a"),
                    request("GET /query?sno=" + NAME + "&key=" + KEY, "Host: a", "Authorization: Bearer " + OTHER_KEY),
                    request("GET /" + OTHER_KEY + "/%zz", "Host: a"),
                    request("GET /api/v1/shipments?q=" + NAME, "Host: a", "X-API-Key: " + OTHER_KEY),
                    request("POST /shipment/", "Host: " + OTHER_KEY, "Content-Type: application/json",
                            "Content-Length: " + body.length()) + body,
                    request("POST /api/v1/shipments", "Host: a", "Content-Type: application/json",
                            "Authorization: Bearer " + KEY, "Content-Length: " + (body.length() + 1)) + body + "x");
            for (String request : requests) {
                statuses.add(send(service.port(), request));
            }
        }

        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(statuses).allSatisfy(status -> assertThat(status).isBetween(400, 499));
        assertThat(logged).as(logged).doesNotContain("Zelda", "Quaxley", PHONE, OTHER_KEY, KEY)
                .doesNotContain("\tat ", "\\tat ", "\"exception\""); // no stack trace, in either format
    }

    private static String request(String requestLine, String... headers) {
        return requestLine + " HTTP/1.1\r\n" + String.join("\r\n", headers) + "\r\nConnection: close\r\n\r\n";
    }

    private static int send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }
}
