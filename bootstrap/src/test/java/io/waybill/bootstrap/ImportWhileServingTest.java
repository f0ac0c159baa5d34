package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.contract.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's second proof: {@code waybill import}, then {@code waybill fake} (and issue 14's {@code waybill report}), each
 * in a process of its own while
 * {@code serve} runs on the embedded default (SQLite in the data directory), as a user runs them; the running
 * service's lookups see what the import wrote, also where they had cached the number as not found, or the shipment as it was before, long before those
 * entries expire (30 s for "not found", 5 minutes for a shipment).
 */
class ImportWhileServingTest {

    private static final String KEY = "import-while-serving-test-key";
    // Other processes' changes are read every 200 ms; far below the caches' lifetimes.
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(5);
    private static final List<String> SHIPMENTS =
            List.of("TN12345678/DHL", "TN12345679/UPS", "TN12345680/DPD", "TN12345681/FedEx", "TN12345682/GLS");

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void bothSampleFilesImportWhileServeRunsAndItsLookupsSeeThem() throws Exception {
        Map<String, String> environment = new HashMap<>(TestDatabase.sqliteFile(directory.resolve("data")).environment());
        environment.put("WAYBILL_API_KEYS", KEY);
        Path seed = sample("seed_data.csv");
        Path variant = sample("seed_data_variant.csv");
        try (ServiceProcess serve = ServiceProcess.start(environment, Files.createTempFile(directory, "serve", ".log"))) {
            for (String shipment : SHIPMENTS) {
                assertThat(lookup(serve, shipment).statusCode()).as("before the import: " + shipment).isEqualTo(404);
            }

            CommandProcess first = CommandProcess.run(environment, directory, "import", seed.toString(), "--quiet");

            assertThat(first.exitStatus()).as(first.out() + first.err()).isZero();
            assertThat(first.out()).contains("shipments: 5 created");
            for (String shipment : SHIPMENTS) {
                Poll.until(shipment + " is found though its absence was cached",
                        () -> lookup(serve, shipment).statusCode() == 200, SEEN_WITHIN);
            }
            assertThat(lookup(serve, "TN12345678/DHL").body()).doesNotContain("in-transit");

            CommandProcess second = CommandProcess.run(environment, directory, "import", variant.toString(), "--quiet");

            assertThat(second.exitStatus()).as(second.out() + second.err()).isZero();
            assertThat(second.out()).contains("1 updated");
            Poll.until("the cached shipment shows the imported event",
                    () -> lookup(serve, "TN12345678/DHL").body().contains("\"in-transit\""), SEEN_WITHIN);

            CommandProcess fake = CommandProcess.run(environment, directory, "fake", "--count", "20", "--quiet");

            assertThat(fake.exitStatus()).as(fake.out() + fake.err()).isZero();
            assertThat(get(serve, "/api/v1/shipments?limit=100").body().split("\"tracking_number\"", -1))
                    .as("the 5 imported and the 20 fake shipments listed").hasSize(5 + 20 + 1);

            CommandProcess report = CommandProcess.run(environment, directory, "report");

            assertThat(report.exitStatus()).as(report.out() + report.err()).isZero();
            String name = report.out().substring(0, report.out().indexOf(' '));
            assertThat(Files.readString(directory.resolve("data/reports").resolve(name)))
                    .as("in the store, the data directory's reports").contains("\"total\":25");
            assertThat(get(serve, "/api/v1/reports").body()).as("kept where the service reads it")
                    .contains("\"name\":\"" + name + "\"");
        }
    }

    private HttpResponse<String> lookup(ServiceProcess serve, String shipment) {
        String[] numberAndCarrier = shipment.split("/");
        return get(serve, "/api/v1/shipments/" + numberAndCarrier[0] + "?carrier=" + numberAndCarrier[1]);
    }

    private HttpResponse<String> get(ServiceProcess serve, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + path))
                .header("X-API-Key", KEY)
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path sample(String name) throws IOException {
        Path file = directory.resolve(name);
        try (InputStream in = ImportWhileServingTest.class.getResourceAsStream("/sample-data/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
