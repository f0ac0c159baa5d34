package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingClient.Caller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.adapters.persistence.Persistence;
import io.waybill.adapters.persistence.archive.ReportArchives;
import io.waybill.application.contract.Poll;
import io.waybill.application.port.out.ClusterJobs;
import io.waybill.bootstrap.TrackingClient.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled reports across instances on one PostgreSQL, in real time: one report per slot whichever instance makes it,
 * none missing, none twice; and a cluster down across several slots makes up one report, for the most recent.
 */
class ReportScheduleAcrossInstancesTest {

    private static final String KEY = "report-schedule-key-0123456789abcdef";
    private static final String EVERY_TEN_SECONDS = "*/10 * * * * *";
    private static final ClusterJobs.Calendar SLOTS = Persistence.cron(EVERY_TEN_SECONDS, ZoneOffset.UTC);
    private static final Duration SLOT = Duration.ofSeconds(10);

    private final TestDatabase database = TestDatabase.postgres();

    @TempDir
    Path reports;

    @AfterEach
    void dropSchema() throws Exception {
        database.close();
    }

    @Test
    void twoInstancesEveryTenSecondsForAMinuteMakeOneReportPerSlot() throws Exception {
        Instant first = SLOTS.next(Instant.now()).orElseThrow();
        List<Instant> expected = Stream.iterate(first, slot -> slot.plus(SLOT)).limit(6).toList();
        Instant last = expected.get(expected.size() - 1);
        List<JsonNode> made;
        try (Waybill one = Waybill.start(config()); Waybill other = Waybill.start(config())) {
            Poll.until("the report of " + last + " is archived", () -> Files.exists(file(last)),
                    Duration.between(Instant.now(), last).plus(SLOT.multipliedBy(3)));
            made = reports(one);
        }

        List<JsonNode> ofTheMinute = made.stream()
                .filter(report -> !Instant.parse(report.get("id").asText()).isAfter(last)).toList();
        assertThat(ofTheMinute).extracting(report -> Instant.parse(report.get("id").asText()))
                .as("newest first, every slot once").containsExactlyElementsOf(expected.stream().sorted(Comparator.reverseOrder()).toList());
        assertThat(ofTheMinute).allSatisfy(report -> {
            assertThat(report.get("runs").asInt()).as("made once: %s", report).isEqualTo(1);
            assertThat(report.get("archived").asBoolean()).isTrue();
            assertThat(report.get("report").get("created_at").asText()).isEqualTo(report.get("id").asText());
            assertThat(report.get("report").get("period").get("from").asText())
                    .isEqualTo(Instant.parse(report.get("id").asText()).minus(SLOT).toString());
        });
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.map(Path::getFileName).map(Path::toString).filter(name -> name.compareTo(
                    file(last).getFileName().toString()) <= 0)).containsExactlyInAnyOrderElementsOf(
                    expected.stream().map(slot -> file(slot).getFileName().toString()).toList());
        }
    }

    @Test
    void aClusterDownAcrossTwoSlotsMakesOneReportForTheMostRecentWhenAnInstanceComesBack() throws Exception {
        Instant first = SLOTS.next(Instant.now()).orElseThrow();
        try (Waybill alone = Waybill.start(config())) {
            Poll.until("the report of " + first + " is archived", () -> Files.exists(file(first)),
                    Duration.between(Instant.now(), first).plus(SLOT.multipliedBy(2)));
        }
        Instant firstMissed = first.plus(SLOT);
        Instant secondMissed = firstMissed.plus(SLOT);
        // Every instance is down while time passes over two slots.
        Poll.until("two slots pass", () -> Instant.now().isAfter(secondMissed.plusMillis(500)),
                SLOT.multipliedBy(4));

        List<JsonNode> made;
        try (Waybill back = Waybill.start(config())) {
            Poll.until("a report made up for the slots missed", () -> reports(back).size() > 1, SLOT.multipliedBy(2));
            made = reports(back);
        }

        List<Instant> slots = made.stream().map(report -> Instant.parse(report.get("id").asText())).sorted().toList();
        Instant madeUp = slots.get(1);
        assertThat(slots.get(0)).isEqualTo(first);
        assertThat(madeUp).as("the most recent slot missed, or a later one").isAfterOrEqualTo(secondMissed);
        assertThat(slots).as("no report of the first slot missed").doesNotContain(firstMissed);
        assertThat(made).allSatisfy(report -> assertThat(report.get("runs").asInt()).isEqualTo(1));
        assertThat(Files.exists(file(firstMissed))).isFalse();
        assertThat(Files.exists(file(madeUp))).isTrue();
    }

    private WaybillConfig config() {
        return WaybillConfig.fromEnvironmentWithoutHttp(database.environment())
                .withReports(ReportSettings.DEFAULTS.withSchedule(EVERY_TEN_SECONDS, ZoneOffset.UTC)
                        .withStore(ReportArchives.parse(reports.toString()), Optional.empty()))
                .withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY)));
    }

    private Path file(Instant slot) {
        return reports.resolve("report@" + slot + ".json");
    }

    /** Every report the cluster made, newest first. */
    private static List<JsonNode> reports(Waybill instance) {
        Response listed = new TrackingClient(instance.httpPort().orElseThrow(), KEY).get("/api/v1/reports?limit=100",
                STAFF);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get("next_cursor").isNull()).isTrue();
        List<JsonNode> reports = new ArrayList<>();
        listed.json().get("reports").forEach(reports::add);
        return reports;
    }
}
