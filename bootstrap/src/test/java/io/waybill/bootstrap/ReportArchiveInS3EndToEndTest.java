package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingClient.Caller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.adapters.persistence.archive.ReportArchives;
import io.waybill.adapters.persistence.archive.S3rver;
import io.waybill.application.contract.Poll;
import io.waybill.application.support.Backoff;
import io.waybill.bootstrap.TrackingClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reports archived in a real S3-compatible server (s3rver), through the real service: written, listed and read back
 * past Waybill; and with the server stopped over a slot, the report waits in the database, {@code /ready} says why,
 * and it arrives once the server is back.
 */
class ReportArchiveInS3EndToEndTest {

    private static final String KEY = "report-s3-key-0123456789abcdef";
    private static final String BUCKET = "waybill-reports";

    private final S3rver s3 = S3rver.start(BUCKET);
    private final S3Client plain = s3.client();
    private Waybill waybill;
    private TrackingClient client;

    @AfterEach
    void stop() {
        try (S3rver server = s3; S3Client closing = plain) {
            if (waybill != null) {
                waybill.close();
            }
        }
    }

    @Test
    void aReportIsWrittenToTheBucketUnderItsNameAndReadBackAsMade() {
        start("none");

        Response made = client.post("/api/v1/reports", "", STAFF);

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String name = "report@" + made.json().get("created_at").asText() + ".json";
        assertThat(made.header("Archive-Location")).hasValue("s3://" + BUCKET + "/daily/" + name);
        assertThat(keys()).containsExactly("daily/" + name);
        assertThat(object("daily/" + name)).isEqualTo(made.body());
        assertThat(plain.headObject(request -> request.bucket(BUCKET).key("daily/" + name)).contentType())
                .isEqualTo("application/json");
        JsonNode listed = client.get("/api/v1/reports", STAFF).json().get("reports").get(0);
        assertThat(listed.get("archived").asBoolean()).isTrue();
        assertThat(listed.get("location").asText()).isEqualTo("s3://" + BUCKET + "/daily/" + name);
    }

    @Test
    void aReportMadeWhileTheServerIsDownWaitsShowsInReadyAndArrivesWhenItIsBack() {
        start("*/2 * * * * *");
        Poll.until("a scheduled report is archived", () -> !keys().isEmpty(), Duration.ofSeconds(15));

        s3.stop();
        Poll.until("a report made while the server is down has failed", () -> waiting().isPresent(),
                Duration.ofSeconds(20));
        JsonNode refused = waiting().orElseThrow();
        Response ready = client.get("/ready", STAFF);
        assertThat(ready.status()).as("degraded is still ready").isEqualTo(200);
        assertThat(ready.json().get("components").get("report_archive").asText()).isEqualTo("degraded");
        assertThat(ready.json().get("details").get("report_archive").asText())
                .contains("the archive refused").contains("tried again").contains("last error");

        s3.start();
        String key = "daily/" + refused.get("name").asText();
        Poll.until("the refused report is archived", () -> keys().contains(key), Duration.ofSeconds(20));

        Response stored = client.get(refused.get("url").asText(), STAFF);
        assertThat(object(key)).isEqualTo(stored.body());
        Poll.until("every waiting report is archived and the archive is up again",
                () -> client.get("/ready", STAFF).json().get("components").get("report_archive").asText().equals("up"),
                Duration.ofSeconds(20));
        assertThat(client.get("/ready", STAFF).json().has("details")).isFalse();
    }

    private void start(String schedule) {
        waybill = Waybill.start(WaybillConfig.embedded()
                .withReports(ReportSettings.DEFAULTS.withSchedule(schedule, ZoneOffset.UTC)
                        .withStore(ReportArchives.parse("s3://" + BUCKET + "/daily"), Optional.of(s3.endpoint()))
                        .withRetries(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(1))))
                .withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY))));
        client = new TrackingClient(waybill.httpPort().orElseThrow(), KEY);
    }

    /** The newest report the archive refused that still waits, as listed. */
    private Optional<JsonNode> waiting() {
        JsonNode reports = client.get("/api/v1/reports", STAFF).json().get("reports");
        return StreamSupport.stream(reports.spliterator(), false)
                .filter(report -> !report.get("archived").asBoolean() && report.get("failed_attempts").asInt() > 0)
                .findFirst();
    }

    private List<String> keys() {
        try {
            return plain.listObjectsV2Paginator(request -> request.bucket(BUCKET)).contents().stream()
                    .map(S3Object::key).toList();
        } catch (RuntimeException serverDown) {
            return List.of();
        }
    }

    private String object(String key) {
        return new String(plain.getObjectAsBytes(request -> request.bucket(BUCKET).key(key)).asByteArray(),
                StandardCharsets.UTF_8);
    }
}
