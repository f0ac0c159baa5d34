package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.Concurrently;
import io.waybill.application.contract.MovableClock;
import io.waybill.application.port.out.ReportRepository;
import io.waybill.application.port.out.ReportRepository.Backlog;
import io.waybill.application.port.out.ReportRepository.StoredReport;
import io.waybill.application.port.out.StorageUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reports kept on a database: what a save keeps and a repeated run replaces, attempts' outcomes recorded only for
 * the run they are for, the due ones, pages newest first, the backlog; across instances on one database. Subclasses
 * say which database.
 */
abstract class ReportRepositoryContract {

    private static final Instant SLOT = Instant.parse("2026-12-06T08:00:00Z");
    private static final Instant PERIOD_FROM = Instant.parse("2026-12-06T00:00:00Z");
    // Microseconds, which both databases keep.
    private static final Instant MADE_AT = Instant.parse("2026-12-06T08:00:01.123456Z");
    private static final Duration RETRY = Duration.ofMinutes(5);
    private static final int RACERS = 8;

    private final MovableClock clock = new MovableClock(MADE_AT);

    @RegisterExtension
    final DatabasePerTest database = new DatabasePerTest(this::newDatabase);

    abstract DatabaseSettings newDatabase() throws Exception;

    @Test
    void aSavedReportIsFoundWithEveryFieldAndWaitsToBeArchivedAtOnce() {
        ReportRepository reports = repository();
        byte[] document = json("{\"created_at\":\"2026-12-06T08:00:00Z\",\"ü\":\"€\"}");

        StoredReport saved = reports.save(SLOT, PERIOD_FROM, document, MADE_AT);

        StoredReport expected = new StoredReport(SLOT, PERIOD_FROM, document.clone(), MADE_AT, 1, Optional.empty(),
                Optional.empty(), 0, Optional.empty(), Optional.of(MADE_AT));
        assertThat(saved).usingRecursiveComparison().isEqualTo(expected);
        assertThat(reports.find(SLOT).orElseThrow()).usingRecursiveComparison().isEqualTo(expected);
        assertThat(saved.name()).isEqualTo("report@2026-12-06T08:00:00Z.json");
    }

    @Test
    void everyByteOfTheDocumentIsKept() {
        ReportRepository reports = repository();
        byte[] everyByte = new byte[256 * 4];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }

        reports.save(SLOT, PERIOD_FROM, everyByte, MADE_AT);
        reports.save(SLOT.plusSeconds(3600), SLOT, new byte[0], MADE_AT);

        assertThat(reports.find(SLOT).orElseThrow().document()).isEqualTo(everyByte);
        assertThat(reports.find(SLOT.plusSeconds(3600)).orElseThrow().document()).isEmpty();
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        ReportRepository reports = repository();
        Instant nanos = Instant.parse("2026-12-06T08:00:01.123456789Z");

        StoredReport saved = reports.save(SLOT, PERIOD_FROM, json("{}"), nanos);
        reports.archived(SLOT, 1, "/reports/x.json", nanos.plusSeconds(1));

        assertThat(saved.madeAt()).isEqualTo(MADE_AT);
        assertThat(saved.nextAttempt()).hasValue(MADE_AT);
        assertThat(reports.find(SLOT).orElseThrow().archivedAt()).hasValue(MADE_AT.plusSeconds(1));
    }

    @Test
    void nothingIsKeptForAnUnknownSlot() {
        ReportRepository reports = repository();
        reports.save(SLOT, PERIOD_FROM, json("{}"), MADE_AT);

        assertThat(reports.find(SLOT.plusSeconds(1))).isEmpty();
        assertThat(reports.find(SLOT.minusSeconds(3600))).isEmpty();
    }

    @Test
    void aRepeatedRunReplacesTheReportCountsOneMoreRunAndWaitsAgain() {
        ReportRepository reports = repository();
        reports.save(SLOT, PERIOD_FROM, json("{\"run\":1}"), MADE_AT);
        reports.archiveFailed(SLOT, 1, "disk full", MADE_AT.plus(RETRY));
        reports.archived(SLOT, 1, "/reports/report@2026-12-06T08:00:00Z.json", MADE_AT.plusSeconds(400));
        Instant madeAgain = MADE_AT.plusSeconds(3600);
        Instant otherPeriodFrom = PERIOD_FROM.plusSeconds(60);

        StoredReport saved = reports.save(SLOT, otherPeriodFrom, json("{\"run\":2}"), madeAgain);

        StoredReport expected = new StoredReport(SLOT, otherPeriodFrom, json("{\"run\":2}"), madeAgain, 2,
                Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.of(madeAgain));
        assertThat(saved).usingRecursiveComparison().isEqualTo(expected);
        assertThat(reports.find(SLOT).orElseThrow()).usingRecursiveComparison().isEqualTo(expected);
        assertThat(reports.save(SLOT, otherPeriodFrom, json("{\"run\":3}"), madeAgain).run()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM reports")).isOne();
        assertThat(reports.dueForArchive(madeAgain, 10)).extracting(StoredReport::run).containsExactly(3);
    }

    @Test
    void anOutcomeOfAnEarlierRunChangesNothing() {
        ReportRepository reports = repository();
        reports.save(SLOT, PERIOD_FROM, json("{\"run\":1}"), MADE_AT);
        StoredReport second = reports.save(SLOT, PERIOD_FROM, json("{\"run\":2}"), MADE_AT.plusSeconds(60));

        reports.archived(SLOT, 1, "/reports/stale.json", MADE_AT.plusSeconds(61));
        reports.archiveFailed(SLOT, 1, "stale failure", MADE_AT.plus(RETRY));

        assertThat(reports.find(SLOT).orElseThrow()).usingRecursiveComparison().isEqualTo(second);

        reports.archived(SLOT, 2, "/reports/fresh.json", MADE_AT.plusSeconds(62));
        assertThat(reports.find(SLOT).orElseThrow().location()).hasValue("/reports/fresh.json");
    }

    @Test
    void aFailedAttemptCountsWithItsErrorAndTheNextAttempt() {
        ReportRepository reports = repository();
        reports.save(SLOT, PERIOD_FROM, json("{}"), MADE_AT);

        reports.archiveFailed(SLOT, 1, "S3 503 Slow Down", MADE_AT.plus(RETRY));
        reports.archiveFailed(SLOT, 1, "S3 403 AccessDenied", MADE_AT.plus(RETRY.multipliedBy(3)));

        StoredReport failing = reports.find(SLOT).orElseThrow();
        assertThat(failing.attempts()).isEqualTo(2);
        assertThat(failing.lastError()).hasValue("S3 403 AccessDenied");
        assertThat(failing.nextAttempt()).hasValue(MADE_AT.plus(RETRY.multipliedBy(3)));
        assertThat(failing.archivedAt()).isEmpty();
        assertThat(failing.location()).isEmpty();
        assertThat(failing.run()).isOne();
    }

    @Test
    void anArchivedRunStaysArchivedWhereItWasFirstArchived() {
        ReportRepository reports = repository();
        reports.save(SLOT, PERIOD_FROM, json("{}"), MADE_AT);
        reports.archiveFailed(SLOT, 1, "timeout", MADE_AT.plus(RETRY));
        Instant at = MADE_AT.plus(RETRY).plusMillis(250);

        reports.archived(SLOT, 1, "s3://waybill-reports/report@2026-12-06T08:00:00Z.json", at);
        reports.archived(SLOT, 1, "/elsewhere.json", at.plusSeconds(1));
        reports.archiveFailed(SLOT, 1, "late failure of another instance", at.plus(RETRY));

        StoredReport archived = reports.find(SLOT).orElseThrow();
        assertThat(archived.archivedAt()).hasValue(at);
        assertThat(archived.location()).hasValue("s3://waybill-reports/report@2026-12-06T08:00:00Z.json");
        assertThat(archived.nextAttempt()).isEmpty();
        assertThat(archived.attempts()).as("the failed attempts of the run stay").isOne();
        assertThat(archived.lastError()).hasValue("timeout");
        assertThat(reports.dueForArchive(at.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void theDueReportsAreTheWaitingOnesWhoseNextAttemptHasComeOldestSlotFirst() {
        ReportRepository reports = repository();
        Instant first = SLOT;
        Instant second = SLOT.plusSeconds(3600);
        Instant third = SLOT.plusSeconds(7200);
        Instant fourth = SLOT.plusSeconds(10800);
        // Saved out of order, each made at its slot.
        reports.save(third, second, json("{}"), third);
        reports.save(first, PERIOD_FROM, json("{}"), first);
        reports.save(second, first, json("{}"), second);
        reports.save(fourth, third, json("{}"), fourth);
        reports.archiveFailed(first, 1, "unreachable", fourth.plus(RETRY));
        reports.archived(second, 1, "/reports/second.json", second.plusSeconds(1));

        assertThat(slots(reports.dueForArchive(first.minusNanos(1_000), 10))).isEmpty();
        assertThat(slots(reports.dueForArchive(third, 10))).as("at the next attempt").containsExactly(third);
        assertThat(slots(reports.dueForArchive(fourth, 10))).containsExactly(third, fourth);
        assertThat(slots(reports.dueForArchive(fourth.plus(RETRY), 10))).containsExactly(first, third, fourth);
        assertThat(slots(reports.dueForArchive(fourth.plus(RETRY), 2))).containsExactly(first, third);
        assertThat(reports.dueForArchive(fourth.plus(RETRY), 1).get(0).document()).isEqualTo(json("{}"));
    }

    @Test
    void pagesAreNewestFirstEachEndingWhereTheNextBegins() {
        ReportRepository reports = repository();
        List<Instant> slots = IntStream.range(0, 5).mapToObj(i -> SLOT.plus(Duration.ofHours(8L * i))).toList();
        for (Instant slot : List.of(slots.get(2), slots.get(0), slots.get(4), slots.get(1), slots.get(3))) {
            reports.save(slot, slot.minus(Duration.ofHours(8)), json("{\"slot\":\"" + slot + "\"}"), slot);
        }

        List<StoredReport> first = reports.page(Optional.empty(), 2);
        List<StoredReport> second = reports.page(Optional.of(first.get(1).slot()), 2);
        List<StoredReport> third = reports.page(Optional.of(second.get(1).slot()), 2);

        assertThat(slots(first)).containsExactly(slots.get(4), slots.get(3));
        assertThat(slots(second)).containsExactly(slots.get(2), slots.get(1));
        assertThat(slots(third)).containsExactly(slots.get(0));
        assertThat(reports.page(Optional.of(slots.get(0)), 2)).isEmpty();
        assertThat(third.get(0).document()).isEqualTo(json("{\"slot\":\"" + slots.get(0) + "\"}"));
        assertThat(slots(reports.page(Optional.of(slots.get(3).plusSeconds(1)), 100)))
                .as("from a slot that is none").containsExactly(slots.get(3), slots.get(2), slots.get(1), slots.get(0));
        assertThat(slots(reports.page(Optional.empty(), ReportRepository.MAX_PAGE))).hasSize(5);
    }

    @Test
    void theBacklogCountsTheWaitingAndTheFailingWithTheErrorOfTheOneThatFailedLast() {
        ReportRepository reports = repository();
        assertThat(reports.backlog()).isEqualTo(new Backlog(0, 0, Optional.empty()));
        Instant older = SLOT;
        Instant newer = SLOT.plusSeconds(3600);
        Instant archived = SLOT.plusSeconds(7200);
        Instant waiting = SLOT.plusSeconds(10800);
        for (Instant slot : List.of(older, newer, archived, waiting)) {
            reports.save(slot, slot.minusSeconds(3600), json("{}"), MADE_AT);
        }
        reports.archiveFailed(archived, 1, "failed before it was archived", MADE_AT.plus(RETRY));
        reports.archived(archived, 1, "/reports/archived.json", MADE_AT.plusSeconds(1));
        // The newer slot fails first, the older one last: the latest error is by the time of failure.
        clock.advance(Duration.ofSeconds(10));
        reports.archiveFailed(newer, 1, "newer: connection refused", MADE_AT.plus(RETRY));
        clock.advance(Duration.ofSeconds(10));
        reports.archiveFailed(older, 1, "older: bucket not found", MADE_AT.plus(RETRY));

        assertThat(reports.backlog()).isEqualTo(new Backlog(3, 2, Optional.of("older: bucket not found")));

        reports.archived(older, 1, "/reports/older.json", MADE_AT.plusSeconds(30));
        assertThat(reports.backlog()).isEqualTo(new Backlog(2, 1, Optional.of("newer: connection refused")));

        reports.save(newer, newer.minusSeconds(3600), json("{}"), MADE_AT.plusSeconds(40));
        assertThat(reports.backlog()).as("a repeated run has not failed").isEqualTo(new Backlog(2, 0, Optional.empty()));

        reports.archived(newer, 2, "/reports/newer.json", MADE_AT.plusSeconds(50));
        reports.archived(waiting, 1, "/reports/waiting.json", MADE_AT.plusSeconds(50));
        assertThat(reports.backlog()).isEqualTo(new Backlog(0, 0, Optional.empty()));
    }

    @Test
    void aLimitIsOneToAPage() {
        ReportRepository reports = repository();
        reports.save(SLOT, PERIOD_FROM, json("{}"), MADE_AT);

        assertThatThrownBy(() -> reports.page(Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reports.page(Optional.empty(), ReportRepository.MAX_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reports.page(Optional.of(SLOT), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reports.dueForArchive(MADE_AT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(reports.page(Optional.empty(), 1)).hasSize(1);
        assertThat(reports.dueForArchive(MADE_AT, ReportRepository.MAX_PAGE + 1)).hasSize(1);
    }

    @Test
    void instancesOnOneDatabaseSeeEachOthersReports() {
        ReportRepository one = repository();
        ReportRepository other = repository();

        one.save(SLOT, PERIOD_FROM, json("{\"by\":\"one\"}"), MADE_AT);
        assertThat(other.find(SLOT).orElseThrow().document()).isEqualTo(json("{\"by\":\"one\"}"));
        assertThat(slots(other.dueForArchive(MADE_AT, 10))).containsExactly(SLOT);

        other.archived(SLOT, 1, "/reports/by-other.json", MADE_AT.plusSeconds(1));
        assertThat(one.find(SLOT).orElseThrow().location()).hasValue("/reports/by-other.json");
        assertThat(one.dueForArchive(MADE_AT.plusSeconds(1), 10)).isEmpty();

        StoredReport again = other.save(SLOT, PERIOD_FROM, json("{\"by\":\"other\"}"), MADE_AT.plusSeconds(2));
        assertThat(again.run()).isEqualTo(2);
        assertThat(one.page(Optional.empty(), 10)).singleElement()
                .usingRecursiveComparison().isEqualTo(again);
    }

    @Test
    void racingSavesOfOneSlotOnTwoInstancesEachCountARunOfItsOwn() throws Exception {
        List<ReportRepository> instances = List.of(repository(), repository());
        CyclicBarrier start = new CyclicBarrier(RACERS);
        List<Callable<Integer>> saves = IntStream.range(0, RACERS).<Callable<Integer>>mapToObj(i -> () -> {
            start.await(10, TimeUnit.SECONDS);
            return instances.get(i % 2).save(SLOT, PERIOD_FROM, json("{\"racer\":" + i + "}"), MADE_AT).run();
        }).toList();

        List<Integer> runs = Concurrently.runAll(saves);

        assertThat(runs).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, RACERS).boxed().toList());
        assertThat(instances.get(0).find(SLOT).orElseThrow().run()).isEqualTo(RACERS);
    }

    @Test
    void aFailingDatabaseIsUnavailableStorage() {
        ReportRepository reports = repository();
        TestDatabases.dropTable(database.settings(), "reports");

        assertThatThrownBy(() -> reports.save(SLOT, PERIOD_FROM, json("{}"), MADE_AT))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> reports.find(SLOT)).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> reports.page(Optional.empty(), 10)).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> reports.dueForArchive(MADE_AT, 10)).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> reports.archived(SLOT, 1, "/x.json", MADE_AT))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> reports.archiveFailed(SLOT, 1, "e", MADE_AT))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(reports::backlog).isInstanceOf(StorageUnavailableException.class);
    }

    ReportRepository repository() {
        return database.open(clock).reports();
    }

    private int count(String query) {
        return TestDatabases.jdbi(database.settings())
                .withHandle(handle -> handle.createQuery(query).mapTo(Integer.class).one());
    }

    private static List<Instant> slots(List<StoredReport> reports) {
        return reports.stream().map(StoredReport::slot).toList();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
