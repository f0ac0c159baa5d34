package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.CountingMetrics;
import io.waybill.application.contract.MovableClock;
import io.waybill.application.port.in.PublishReportUseCase.Published;
import io.waybill.application.port.out.ClusterJobs;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.ReportArchive;
import io.waybill.application.port.out.ReportArchiveUnavailableException;
import io.waybill.application.port.out.ReportRepository.StoredReport;
import io.waybill.application.support.Backoff;
import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.report.StatusReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishReportServiceTest {

    private static final Duration EIGHT_HOURS = Duration.ofHours(8);
    private static final Instant SLOT = Instant.parse("2026-12-06T08:00:00Z");
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY = Duration.ofMinutes(4);

    private final MovableClock clock = new MovableClock(SLOT.plusMillis(1_500));
    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final Archive archive = new Archive();
    private final List<ReportPeriod> periodsMade = new ArrayList<>();
    private final PublishReportService publisher = publisher(Optional.of(archive));

    @Test
    void aScheduledReportCoversTheTimeSinceTheScheduleTimeBeforeItsOwnAndIsKeptThenArchived() {
        Published published = publisher.publish(SLOT);

        assertThat(periodsMade).containsExactly(new ReportPeriod(SLOT.minus(EIGHT_HOURS), SLOT));
        assertThat(published.archiveError()).isEmpty();
        StoredReport kept = reports.find(SLOT).orElseThrow();
        assertThat(published.report()).usingRecursiveComparison().isEqualTo(kept);
        assertThat(new String(kept.document(), StandardCharsets.UTF_8))
                .isEqualTo("report of 2026-12-06T00:00:00Z to 2026-12-06T08:00:00Z");
        assertThat(kept.periodFrom()).isEqualTo(SLOT.minus(EIGHT_HOURS));
        assertThat(kept.location()).contains("archive/report@2026-12-06T08:00:00Z.json");
        assertThat(kept.archivedAt()).contains(clock.instant());
        assertThat(archive.stored).containsOnlyKeys("report@2026-12-06T08:00:00Z.json");
        assertThat(archive.stored.get(kept.name())).isEqualTo(kept.document());
    }

    @Test
    void theReportOfNowIsForTheSecondAndCoversTheTimeSinceTheScheduleLatestTime() {
        clock.set(Instant.parse("2026-12-06T21:13:05.750Z"));

        Published published = publisher.publishNow();

        assertThat(published.report().slot()).isEqualTo(Instant.parse("2026-12-06T21:13:05Z"));
        assertThat(periodsMade).containsExactly(
                new ReportPeriod(Instant.parse("2026-12-06T16:00:00Z"), Instant.parse("2026-12-06T21:13:05Z")));
    }

    @Test
    void aRepeatedRunReplacesTheReportOfItsSlot() {
        publisher.publish(SLOT);
        publisher.publish(SLOT);

        assertThat(reports.page(Optional.empty(), 10)).singleElement()
                .satisfies(report -> assertThat(report.run()).isEqualTo(2));
        assertThat(archive.writes).isEqualTo(2);
        assertThat(archive.stored).hasSize(1);
    }

    @Test
    void aReportTheArchiveRefusesWaitsInTheDatabaseAndIsTriedAgainWithBackoffUntilItIsArchived() {
        archive.refusing = true;

        Published published = publisher.publish(SLOT);

        assertThat(published.archiveError()).contains("the bucket is away");
        StoredReport waiting = reports.find(SLOT).orElseThrow();
        assertThat(published.report()).usingRecursiveComparison().isEqualTo(waiting);
        assertThat(waiting.archivedAt()).isEmpty();
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttempt()).contains(clock.instant().plus(FIRST_RETRY));

        clock.advance(FIRST_RETRY.minusSeconds(1));
        publisher.archiveWaiting();
        assertThat(archive.writes).as("not yet due").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        publisher.archiveWaiting();
        assertThat(archive.writes).isEqualTo(2);
        assertThat(reports.find(SLOT).orElseThrow().nextAttempt()).as("the wait doubled")
                .contains(clock.instant().plus(FIRST_RETRY.multipliedBy(2)));

        archive.refusing = false;
        clock.advance(FIRST_RETRY.multipliedBy(2));
        publisher.archiveWaiting();
        StoredReport archived = reports.find(SLOT).orElseThrow();
        assertThat(archived.archivedAt()).contains(clock.instant());
        assertThat(archive.stored.get(archived.name())).isEqualTo(archived.document());
        publisher.archiveWaiting();
        assertThat(archive.writes).as("an archived report is not written again").isEqualTo(3);
    }

    @Test
    void theReportOfNowAloneIsKeptNowhere() {
        clock.set(Instant.parse("2026-12-06T21:13:05.750Z"));

        byte[] document = publisher.reportOfNow();

        assertThat(new String(document, StandardCharsets.UTF_8))
                .isEqualTo("report of 2026-12-06T16:00:00Z to 2026-12-06T21:13:05Z");
        assertThat(reports.page(Optional.empty(), 10)).isEmpty();
        assertThat(archive.writes).isZero();
    }

    @Test
    void aRetryStopsAtTheFirstRefusalAndTheOthersWaitTheirTurn() {
        archive.refusing = true;
        publisher.publish(SLOT.minus(EIGHT_HOURS));
        publisher.publish(SLOT);
        clock.advance(FIRST_RETRY);

        publisher.archiveWaiting();

        assertThat(archive.writes).as("two made, then one retried").isEqualTo(3);
        assertThat(reports.find(SLOT.minus(EIGHT_HOURS)).orElseThrow().attempts()).isEqualTo(2);
        assertThat(reports.find(SLOT).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void whatEverTheArchiveThrowsIsARefusalAndTheReportWaits() {
        PublishReportService failing = publisher(Optional.of(new ReportArchive() {
            @Override
            public String locationOf(String name) {
                return "nowhere/" + name;
            }

            @Override
            public String put(String name, byte[] document) {
                throw new IllegalStateException("a bug in the archive");
            }
        }));

        Published published = failing.publish(SLOT);

        assertThat(published.archiveError()).contains("java.lang.IllegalStateException: a bug in the archive");
        assertThat(reports.find(SLOT).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void whileItIsBeingArchivedTheReportIsNotDueToTheRetries() {
        List<List<StoredReport>> dueDuringThePut = new ArrayList<>();
        PublishReportService watched = publisher(Optional.of(new ReportArchive() {
            @Override
            public String locationOf(String name) {
                return "archive/" + name;
            }

            @Override
            public String put(String name, byte[] document) {
                dueDuringThePut.add(reports.dueForArchive(clock.instant().plus(FIRST_RETRY).minusNanos(1), 10));
                return locationOf(name);
            }
        }));

        watched.publish(SLOT);

        assertThat(dueDuringThePut).containsExactly(List.of());
    }

    @Test
    void aSlotIsAWholeSecond() {
        assertThatThrownBy(() -> publisher.publish(SLOT.plusMillis(345)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole second");
    }

    @Test
    void theProbeIsDegradedWhileARefusedReportWaitsAndSaysWhy() {
        ComponentProbe probe = new ReportArchiveProbe(reports);
        publisher.publish(SLOT.minus(EIGHT_HOURS));
        assertThat(probe.check()).isEqualTo(new ComponentProbe.Check(ComponentProbe.State.UP, Optional.empty()));

        archive.refusing = true;
        publisher.publish(SLOT);
        assertThat(probe.state()).isEqualTo(ComponentProbe.State.DEGRADED);
        assertThat(probe.check().detail()).contains("1 report the archive refused waits in the database to be tried"
                + " again; last error: the bucket is away");

        archive.refusing = false;
        clock.advance(FIRST_RETRY);
        publisher.archiveWaiting();
        assertThat(probe.state()).isEqualTo(ComponentProbe.State.UP);
    }

    @Test
    void withoutAnArchiveReportsAreKeptInTheDatabaseAlone() {
        PublishReportService databaseOnly = publisher(Optional.empty());

        Published published = databaseOnly.publish(SLOT);
        databaseOnly.archiveWaiting();

        assertThat(published.archiveError()).isEmpty();
        assertThat(reports.find(SLOT).orElseThrow().location()).isEmpty();
        assertThat(archive.writes).isZero();
    }

    @Test
    void countsTheReportsMadeTheArchivesRefusalsAndTheReportsWaiting() {
        CountingMetrics metrics = new CountingMetrics();
        PublishReportService counted = new PublishReportService(this::report, this::render, reports,
                Optional.of(archive), new EveryEightHours(), new Backoff(FIRST_RETRY, MAX_RETRY), clock, metrics);
        counted.publish(SLOT);
        assertThat(metrics.gauge("waybill.reports.archive.waiting")).isZero();

        archive.refusing = true;
        counted.publish(SLOT.plus(EIGHT_HOURS));
        assertThat(metrics.count("waybill.reports.made")).isEqualTo(2);
        assertThat(metrics.count("waybill.reports.archive.failures")).isEqualTo(1);
        assertThat(metrics.gauge("waybill.reports.archive.waiting")).isEqualTo(1);

        clock.advance(FIRST_RETRY);
        counted.archiveWaiting();
        assertThat(metrics.count("waybill.reports.archive.failures")).isEqualTo(2);
        archive.refusing = false;
        clock.advance(FIRST_RETRY.multipliedBy(2));
        counted.archiveWaiting();
        assertThat(metrics.gauge("waybill.reports.archive.waiting")).isZero();
        assertThat(metrics.count("waybill.reports.made")).as("a retry makes no report").isEqualTo(2);
    }

    @Test
    void withoutAnArchiveNothingWaitsSoThereIsNoGaugeOfIt() {
        CountingMetrics metrics = new CountingMetrics();
        new PublishReportService(this::report, this::render, reports, Optional.empty(), new EveryEightHours(),
                new Backoff(FIRST_RETRY, MAX_RETRY), clock, metrics).publish(SLOT);
        assertThat(metrics.hasGauge("waybill.reports.archive.waiting")).isFalse();
        assertThat(metrics.count("waybill.reports.made")).isEqualTo(1);
    }

    private PublishReportService publisher(Optional<ReportArchive> to) {
        return new PublishReportService(this::report, this::render, reports, to, new EveryEightHours(),
                new Backoff(FIRST_RETRY, MAX_RETRY), clock);
    }

    private StatusReport report(ReportPeriod period) {
        periodsMade.add(period);
        return new StatusReport(period.to(), period, Map.of(), Map.of(), 0, 0, 0, 3, List.of());
    }

    private byte[] render(StatusReport report) {
        return ("report of " + report.period().from() + " to " + report.period().to()).getBytes(StandardCharsets.UTF_8);
    }

    /** 00:00, 08:00 and 16:00 UTC. */
    private static final class EveryEightHours implements ClusterJobs.Calendar {

        @Override
        public Optional<Instant> next(Instant time) {
            return Optional.of(latestOf(time).plus(EIGHT_HOURS));
        }

        @Override
        public Optional<Instant> latest(Instant time) {
            return Optional.of(latestOf(time));
        }

        private static Instant latestOf(Instant time) {
            long slots = Math.floorDiv(time.getEpochSecond(), EIGHT_HOURS.toSeconds());
            return Instant.ofEpochSecond(slots * EIGHT_HOURS.toSeconds());
        }
    }

    private static final class Archive implements ReportArchive {

        final Map<String, byte[]> stored = new LinkedHashMap<>();
        int writes;
        boolean refusing;

        @Override
        public String locationOf(String name) {
            return "archive/" + name;
        }

        @Override
        public String put(String name, byte[] document) {
            writes++;
            if (refusing) {
                throw new ReportArchiveUnavailableException("the bucket is away", null);
            }
            stored.put(name, document.clone());
            return locationOf(name);
        }
    }
}
