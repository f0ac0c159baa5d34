package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.Poll;
import io.waybill.application.port.out.ClusterJobs;
import io.waybill.application.port.out.ClusterJobs.Job;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cluster jobs on a database: runs on schedule, one at a time across the instances sharing the database, a run
 * missed while all were down made up once, and none after a stop. Subclasses say which database.
 */
abstract class ClusterJobsContract {

    private static final Duration INTERVAL = Duration.ofMillis(400);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @RegisterExtension
    final DatabasePerTest database = new DatabasePerTest(this::newDatabase);

    abstract DatabaseSettings newDatabase() throws Exception;

    /** Makes the stored next run of {@code job} due at {@code time}, as the database keeps times. */
    abstract void setDue(String job, Instant time);

    /** The stored next run of {@code job}, read past the adapter. */
    abstract Instant due(String job);

    @Test
    void aJobRunsAtOnceThenOnEveryInterval() throws Exception {
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch threeRuns = new CountDownLatch(3);

        long started = System.nanoTime();
        jobs().start(List.of(new Job("refresh", INTERVAL, () -> {
            starts.add(System.nanoTime());
            threeRuns.countDown();
        })));

        assertThat(threeRuns.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(Duration.ofNanos(starts.get(0) - started)).as("the first run, never run before")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(starts.get(2) - starts.get(0))).as("two intervals, less a poll's lateness")
                .isGreaterThanOrEqualTo(INTERVAL.multipliedBy(2).minus(pollingInterval()));
    }

    @Test
    void instancesOnOneDatabaseShareEachRunAndNeverOverlap() throws Exception {
        int runs = 6;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch allRuns = new CountDownLatch(runs);
        Runnable task = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            starts.add(System.nanoTime());
            try {
                Thread.sleep(30); // a run takes a while: another run overlapping it would be seen
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            allRuns.countDown();
        };

        jobs().start(List.of(new Job("shared", INTERVAL, task)));
        jobs().start(List.of(new Job("shared", INTERVAL, task)));

        assertThat(allRuns.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(mostAtOnce).hasValue(1);
        // One run per interval across both: the last of six starts at least five intervals after the first, less how
        // late a poll may find the first run (were each instance to run every slot, six runs would take three).
        List<Long> firstRuns = List.copyOf(starts).subList(0, runs);
        assertThat(Duration.ofNanos(firstRuns.get(runs - 1) - firstRuns.get(0)))
                .isGreaterThanOrEqualTo(INTERVAL.multipliedBy(runs - 1).minus(pollingInterval()));
        for (int i = 1; i < runs; i++) {
            assertThat(Duration.ofNanos(firstRuns.get(i) - firstRuns.get(i - 1))).as("start %d after the one before", i)
                    .isGreaterThanOrEqualTo(INTERVAL.minus(pollingInterval()).minusMillis(100));
        }
    }

    @Test
    void aJobThatThrowsIsLoggedAndRunsAgainOnSchedule() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        try (CapturedLogs logs = new CapturedLogs()) {
            jobs().start(List.of(new Job("failing", INTERVAL, () -> {
                threeRuns.countDown();
                throw new IllegalStateException("the provider is down");
            })));

            assertThat(threeRuns.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(logs.text()).contains("Job failing failed").contains("the provider is down");
        }
    }

    @Test
    void noRunStartsAfterAStop() throws Exception {
        AtomicInteger firstRuns = new AtomicInteger();
        CountDownLatch firstRan = new CountDownLatch(1);
        AutoCloseable first = jobs().start(List.of(new Job("stoppable", INTERVAL, () -> {
            firstRuns.incrementAndGet();
            firstRan.countDown();
        })));
        assertThat(firstRan.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        first.close();
        int runsWhenStopped = firstRuns.get();
        CountDownLatch secondRanTwice = new CountDownLatch(2);
        jobs().start(List.of(new Job("stoppable", INTERVAL, secondRanTwice::countDown)));

        // Two runs of the job, both due after the stop, went to the instance still running.
        assertThat(secondRanTwice.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).as("the other ran twice").isTrue();
        assertThat(firstRuns).hasValue(runsWhenStopped);
        first.close(); // a second close does nothing
    }

    @Test
    void closingPersistenceStopsItsJobs() throws Exception {
        Persistence closing = open();
        AtomicInteger closingRuns = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        closing.clusterJobs().start(List.of(new Job("with-the-pool", INTERVAL, () -> {
            closingRuns.incrementAndGet();
            ran.countDown();
        })));
        assertThat(ran.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        closing.close();
        int runsWhenClosed = closingRuns.get();
        CountDownLatch otherRanTwice = new CountDownLatch(2);
        jobs().start(List.of(new Job("with-the-pool", INTERVAL, otherRanTwice::countDown)));

        assertThat(otherRanTwice.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).as("the other ran twice").isTrue();
        assertThat(closingRuns).hasValue(runsWhenClosed);
    }

    @Test
    void aRunMissedWhileEveryInstanceWasDownRunsOnceAtTheNextStart() throws Exception {
        Duration interval = Duration.ofMinutes(1);
        CountDownLatch ran = new CountDownLatch(1);
        AutoCloseable before = jobs().start(List.of(new Job("hourly", interval, ran::countDown)));
        assertThat(ran.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        Poll.until("the next run is stored", () -> due("hourly").isAfter(Instant.now()), WITHIN);
        before.close();
        // Down for an hour: sixty runs missed.
        Instant missedSince = due("hourly").minus(Duration.ofHours(1));
        setDue("hourly", missedSince);

        AtomicInteger runs = new AtomicInteger();
        jobs().start(List.of(new Job("hourly", interval, runs::incrementAndGet)));

        Poll.until("the missed run has run", () -> runs.get() > 0, WITHIN);
        Instant afterRun = Instant.now();
        Poll.until("the next run is stored", () -> due("hourly").isAfter(missedSince), WITHIN);
        // The next run is the next slot on the job's rhythm, not one of the missed ones: none is due before it.
        Instant next = due("hourly");
        assertThat(next).isAfter(afterRun.minus(interval)).isBefore(afterRun.plus(interval).plusSeconds(1));
        assertThat(Duration.between(missedSince, next).toMillis() % interval.toMillis()).isZero();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aCalendarJobRunsAtItsTimesForTheTimeEachRunIsFor() throws Exception {
        List<Instant[]> runs = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch threeRuns = new CountDownLatch(3);

        jobs().start(List.of(new Job("every-second", Persistence.cron("* * * * * *", ZoneOffset.UTC), runFor -> {
            runs.add(new Instant[] {runFor, Instant.now()});
            threeRuns.countDown();
        })));

        assertThat(threeRuns.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        List<Instant[]> firstThree = List.copyOf(runs).subList(0, 3);
        for (int i = 0; i < 3; i++) {
            Instant runFor = firstThree.get(i)[0];
            assertThat(runFor.getNano()).as("a calendar's time, a whole second").isZero();
            assertThat(runFor).as("run %d starts at or after its time", i).isBeforeOrEqualTo(firstThree.get(i)[1]);
            if (i > 0) {
                assertThat(runFor).as("run %d is for a later time than the one before", i)
                        .isAfter(firstThree.get(i - 1)[0]);
            }
        }
    }

    @Test
    void aCalendarJobMissedAcrossSeveralTimesRunsOnceForTheMostRecent() throws Exception {
        ClusterJobs.Calendar hourly = Persistence.cron("0 * * * *", ZoneOffset.UTC);
        AutoCloseable before = jobs().start(List.of(new Job("on-the-hour", hourly, runFor -> {})));
        Poll.until("the first run is stored", () -> due("on-the-hour").isAfter(Instant.now()), WITHIN);
        before.close();
        // Every instance down for three hours: three of its times missed.
        Instant missedSince = due("on-the-hour").minus(Duration.ofHours(3));
        setDue("on-the-hour", missedSince);

        List<Instant> runs = Collections.synchronizedList(new ArrayList<>());
        Instant latestBefore = hourly.latest(Instant.now()).orElseThrow();
        jobs().start(List.of(new Job("on-the-hour", hourly, runs::add)));

        Poll.until("the missed runs have run", () -> !runs.isEmpty(), WITHIN);
        Instant latestAfter = hourly.latest(Instant.now()).orElseThrow();
        Poll.until("the next run is stored", () -> due("on-the-hour").isAfter(latestAfter), WITHIN);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).as("the most recent time missed").isBetween(latestBefore, latestAfter);
        assertThat(due("on-the-hour")).isEqualTo(hourly.next(latestAfter).orElseThrow());
    }

    @Test
    void aCalendarRunRevivedAtAnOffGridTimeIsForTheCalendarTimeItWasUnderWayFor() throws Exception {
        ClusterJobs.Calendar hourly = Persistence.cron("0 * * * *", ZoneOffset.UTC);
        AutoCloseable before = jobs().start(List.of(new Job("revived", hourly, runFor -> {})));
        Poll.until("the first run is stored", () -> due("revived").isAfter(Instant.now()), WITHIN);
        before.close();
        // What db-scheduler stores when it revives the run of an instance that died mid-run: the time it noticed.
        setDue("revived", Instant.now().minusMillis(1_234));

        List<Instant> runs = Collections.synchronizedList(new ArrayList<>());
        Instant latestBefore = hourly.latest(Instant.now()).orElseThrow();
        jobs().start(List.of(new Job("revived", hourly, runs::add)));

        Poll.until("the revived run has run", () -> !runs.isEmpty(), WITHIN);
        assertThat(runs.get(0)).isBetween(latestBefore, hourly.latest(Instant.now()).orElseThrow());
        assertThat(runs.get(0).getEpochSecond() % 3_600).as("on the hour").isZero();
    }

    @Test
    void aFailedCalendarRunIsTriedAgainBeforeTheCalendarsNextTimeForTheSameTime() throws Exception {
        ClusterJobs.Calendar hourly = Persistence.cron("0 * * * *", ZoneOffset.UTC);
        AutoCloseable before = jobs().start(List.of(new Job("retried", hourly, runFor -> {})));
        Poll.until("the first run is stored", () -> due("retried").isAfter(Instant.now()), WITHIN);
        before.close();
        setDue("retried", hourly.latest(Instant.now()).orElseThrow());

        List<Instant> runs = Collections.synchronizedList(new ArrayList<>());
        Instant latestBefore = hourly.latest(Instant.now()).orElseThrow();
        try (CapturedLogs logs = new CapturedLogs()) {
            jobs().start(List.of(new Job("retried", hourly, runFor -> {
                runs.add(runFor);
                if (runs.size() == 1) {
                    throw new IllegalStateException("the database is away");
                }
            })));

            // The retry is due a second after the failure, and found by the next poll (every 10 s for an hourly job).
            Poll.until("a failure, then a run that succeeds", () -> runs.size() == 2,
                    WITHIN.plus(DbSchedulerClusterJobs.pollingInterval(List.of(new Job("any", hourly, runFor -> {})))));
            Instant latestAfter = hourly.latest(Instant.now()).orElseThrow();
            Poll.until("the next run is stored", () -> due("retried").isAfter(latestAfter), WITHIN);
            assertThat(runs).allSatisfy(runFor -> assertThat(runFor).isBetween(latestBefore, latestAfter));
            assertThat(due("retried")).isEqualTo(hourly.next(latestAfter).orElseThrow());
            assertThat(logs.text()).contains("Job retried failed (1 in a row)").contains("the database is away");
        }
    }

    @Test
    void startsOnceAndRefusesJobsOfOneName() {
        ClusterJobs jobs = jobs();
        Runnable nothing = () -> {};

        assertThatThrownBy(() -> jobs.start(List.of(new Job("twice", INTERVAL, nothing), new Job("twice", INTERVAL,
                nothing)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unique");
        jobs.start(List.of(new Job("once", INTERVAL, nothing)));
        assertThatThrownBy(() -> jobs.start(List.of(new Job("again", INTERVAL, nothing))))
                .isInstanceOf(IllegalStateException.class);
        Persistence closed = open();
        closed.close();
        assertThatThrownBy(() -> closed.clusterJobs().start(List.of(new Job("late", INTERVAL, nothing))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Duration pollingInterval() {
        return DbSchedulerClusterJobs.pollingInterval(List.of(new Job("any", INTERVAL, () -> {})));
    }

    private ClusterJobs jobs() {
        return open().clusterJobs();
    }

    private Persistence open() {
        return database.open(Clock.systemUTC());
    }
}
