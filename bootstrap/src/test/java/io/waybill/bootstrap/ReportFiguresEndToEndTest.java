package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingClient.Caller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.adapters.persistence.archive.ReportArchives;
import io.waybill.application.contract.MovableClock;
import io.waybill.bootstrap.TrackingClient.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report's every figure, against a data set counted by hand: the seed's sample file imported, and shipments
 * registered with known statuses and times, through the real service on the embedded default, its clock moved from
 * one step to the next. The report of 08:00 covers 00:00 to 08:00 (the default schedule).
 */
class ReportFiguresEndToEndTest {

    private static final String KEY = "report-figures-key-0123456789abcdef";
    private static final Instant SLOT = Instant.parse("2026-12-06T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    private final MovableClock clock = new MovableClock(SLOT.minus(Duration.ofDays(10)));
    private Waybill waybill;
    private TrackingClient client;

    @AfterEach
    void stop() {
        if (waybill != null) {
            waybill.close();
        }
    }

    @Test
    void everyFigureOfTheReportIsTheHandCountedOne() throws Exception {
        waybill = Waybill.start(WaybillConfig.embedded().withClock(clock)
                .withReports(ReportSettings.DEFAULTS.withStore(ReportArchives.parse(reports.toString()), Optional.empty()))
                .withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY))));
        client = new TrackingClient(waybill.httpPort().orElseThrow(), KEY);

        // A, B, C: DHL from Germany to France, delivered in the period after 238, 47 and 71.5 hours.
        register(ago(Duration.ofDays(10)), "RA10000001", "DHL", "DE", "FR", "[]");
        register(ago(Duration.ofDays(6)), "RG10000007", "DPD", "FR", "DE", "[]"); // G: created, stalled
        register(ago(Duration.ofDays(5)), "RE10000005", "UPS", "US", "TW",
                "[" + event("e1", ago(Duration.ofDays(5)), "in_transit") + "]"); // E: in transit, stalled
        register(ago(Duration.ofDays(4)), "RF10000006", "DPD", "FR", "DE", "[]");
        register(ago(Duration.ofDays(3)), "RC10000003", "DHL", "DE", "FR", "[]");
        register(ago(Duration.ofDays(2)), "RB10000002", "DHL", "DE", "FR", "[]");
        register(ago(Duration.ofDays(1)), "RD10000004", "UPS", "US", "TW", "[]");
        record(ago(Duration.ofHours(9)), "RD10000004", "UPS", "delivered"); // D: delivered before the period
        record(ago(Duration.ofHours(3)), "RF10000006", "DPD", "exception"); // F: an exception in the period
        record(ago(Duration.ofHours(2)), "RA10000001", "DHL", "delivered");
        clock.set(ago(Duration.ofHours(1)));
        Response imported = client.post("/api/v1/imports", "text/csv", ImportOverHttpTest.sample("seed_data.csv"),
                STAFF);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        record(ago(Duration.ofHours(1)), "RB10000002", "DHL", "delivered");
        record(ago(Duration.ofMinutes(30)), "RC10000003", "DHL", "delivered");
        clock.set(SLOT);

        Response made = client.post("/api/v1/reports", "", STAFF);

        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        // Compared as text, so that the keys' order counts too (the seed's first).
        assertThat(made.json().toString()).isEqualTo(JSON.readTree("""
                {"created_at": "2026-12-06T08:00:00Z",
                 "trackingSummary": {"Created": 1, "Package Received": 2, "In Transit": 3, "Out for Delivery": 1,
                     "Available for Pickup": 0, "Delivery Attempted": 0, "Delivered": 4, "Returned to Sender": 0,
                     "Exception": 1, "Cancelled": 0},
                 "period": {"from": "2026-12-06T00:00:00Z", "to": "2026-12-06T08:00:00Z"},
                 "total": 12,
                 "by_carrier": {
                     "DHL": {"In Transit": 1, "Delivered": 3},
                     "DPD": {"Created": 1, "Out for Delivery": 1, "Exception": 1},
                     "FEDEX": {"In Transit": 1},
                     "GLS": {"Package Received": 1},
                     "UPS": {"Package Received": 1, "In Transit": 1, "Delivered": 1}},
                 "delivered": 3,
                 "exceptions": 1,
                 "stalled": 2,
                 "stalled_days": 3,
                 "transit_times": [
                     {"origin": "DE", "destination": "FR", "delivered": 3, "median_hours": 71.5, "p90_hours": 238}]}
                """).toString());
        // Kept as answered, and archived under the slot's name with the same bytes.
        assertThat(client.get("/api/v1/reports/2026-12-06T08:00:00Z", STAFF).body()).isEqualTo(made.body());
        assertThat(Files.readString(reports.resolve("report@2026-12-06T08:00:00Z.json"))).isEqualTo(made.body());
        assertThat(made.header("Archive-Location"))
                .hasValue(reports.resolve("report@2026-12-06T08:00:00Z.json").toAbsolutePath().toString());
    }

    private Instant ago(Duration duration) {
        return SLOT.minus(duration);
    }

    private void register(Instant at, String number, String carrier, String origin, String destination,
            String events) {
        clock.set(at);
        Response created = client.post("/api/v1/shipments", "{\"tracking_number\": \"" + number + "\", \"carrier\": \""
                + carrier + "\", \"origin_country\": \"" + origin + "\", \"destination_country\": \"" + destination
                + "\", \"events\": " + events + "}", STAFF);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private void record(Instant at, String number, String carrier, String status) {
        clock.set(at);
        Response recorded = client.post("/api/v1/shipments/" + number + "/events?carrier=" + carrier,
                "[" + event("e-" + status, at, status) + "]", STAFF);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    private static String event(String id, Instant at, String status) {
        return "{\"event_id\": \"" + id + "\", \"time\": \"" + at + "\", \"status\": \"" + status + "\"}";
    }
}
