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
        List<JsonNode> made;
        List<Instant> expected;
        try (Waybill one = Waybill.start(config()); Waybill other = Waybill.start(config())) {
            // From the first slot after both are up: one started alone may have made a report of a slot before.
            Instant first = SLOTS.next(Instant.now()).orElseThrow();
            expected = Stream.iterate(first, slot -> slot.plus(SLOT)).limit(6).toList();
            Instant last = expected.get(expected.size() - 1);
            Poll.until("the report of " + last + " is archived", () -> Files.exists(file(last)),
                    Duration.between(Instant.now(), last).plus(SLOT.multipliedBy(3)));
            made = reports(one);
        }

        Instant first = expected.get(0);
        Instant last = expected.get(expected.size() - 1);
        List<JsonNode> ofTheMinute = made.stream()
                .filter(report -> !slotOf(report).isBefore(first) && !slotOf(report).isAfter(last)).toList();
        assertThat(ofTheMinute).extracting(ReportScheduleAcrossInstancesTest::slotOf).as("newest first, every slot once")
                .containsExactlyElementsOf(expected.stream().sorted(Comparator.reverseOrder()).toList());
        assertThat(ofTheMinute).allSatisfy(report -> {
            assertThat(report.get("runs").asInt()).as("made once: %s", report).isEqualTo(1);
            assertThat(report.get("archived").asBoolean()).isTrue();
            assertThat(report.get("report").get("created_at").asText()).isEqualTo(report.get("id").asText());
            assertThat(report.get("report").get("period").get("from").asText())
                    .isEqualTo(slotOf(report).minus(SLOT).toString());
        });
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)
                    .filter(name -> name.compareTo(file(first).getFileName().toString()) >= 0
                            && name.compareTo(file(last).getFileName().toString()) <= 0))
                    .containsExactlyInAnyOrderElementsOf(
                    expected.stream().map(slot -> file(slot).getFileName().toString()).toList());
        }
    }

    @Test
    void aClusterDownAcrossTwoSlotsMakesOneReportForTheMostRecentWhenAnInstanceComesBack() throws Exception {
        Instant first;
        try (Waybill alone = Waybill.start(config())) {
            Instant firstWhileUp = SLOTS.next(Instant.now()).orElseThrow();
            Poll.until("the report of " + firstWhileUp + " is archived", () -> Files.exists(file(firstWhileUp)),
                    Duration.between(Instant.now(), firstWhileUp).plus(SLOT.multipliedBy(2)));
            first = firstWhileUp;
        }
        Instant firstMissed = first.plus(SLOT);
        Instant secondMissed = firstMissed.plus(SLOT);
        // Every instance is down while time passes over two slots.
        Poll.until("two slots pass", () -> Instant.now().isAfter(secondMissed.plusMillis(500)),
                SLOT.multipliedBy(4));

        List<Instant> slots;
        try (Waybill back = Waybill.start(config())) {
            Poll.until("a report made up for the slots missed", () -> slotsFrom(back, first).size() > 1,
                    SLOT.multipliedBy(2));
            slots = slotsFrom(back, first);
            assertThat(reports(back)).allSatisfy(report -> assertThat(report.get("runs").asInt()).isEqualTo(1));
        }

        Instant madeUp = slots.get(1);
        assertThat(slots.get(0)).isEqualTo(first);
        assertThat(madeUp).as("the most recent slot missed, or a later one").isAfterOrEqualTo(secondMissed);
        assertThat(slots).as("no report of the first slot missed").doesNotContain(firstMissed);
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

    private static Instant slotOf(JsonNode report) {
        return Instant.parse(report.get("id").asText());
    }

    /** The slots of the reports made from {@code first} on, oldest first. */
    private static List<Instant> slotsFrom(Waybill instance, Instant first) {
        return reports(instance).stream().map(ReportScheduleAcrossInstancesTest::slotOf)
                .filter(slot -> !slot.isBefore(first)).sorted().toList();
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
