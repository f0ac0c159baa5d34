package io.waybill.adapters.persistence;

import io.waybill.application.support.DaemonThreads;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a streaming replica against its primary by their WAL positions: every round it notes where the primary
 * writes its WAL ({@code pg_current_wal_lsn()}) and when it asked, then how far the replica has replayed
 * ({@code pg_last_wal_replay_lsn()}). The replica holds everything the primary held at the newest noted time whose
 * position it has replayed (what {@link RecentChanges} compares with), and lags by the time since the first noted
 * position it has not: a measure that an idle primary leaves at zero, which replay timestamps would not. (A commit is
 * below the write position once it returns as long as {@code synchronous_commit} is not {@code off}, the default.)
 *
 * <p>Reads may go to the replica while its last check, at most {@code maxLag} ago, found it in recovery and lagging by
 * no more than {@code maxLag}; a read that fails there bypasses it until the next check. Transitions are logged. The
 * checks run on a daemon thread of their own, every {@code interval}, from {@link #start} to {@link #close}.
 * Thread-safe.
 */
final class ReplicaMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaMonitor.class);
    private static final int QUERY_TIMEOUT_SECONDS = 2;
    private static final long NOT_YET = -1;
    private static final Optional<String> NOT_CHECKED = Optional.of("not checked yet");

    private final Jdbi primary;
    private final Jdbi replica;
    private final long maxLagNanos;
    private final Duration interval;
    private final LongConsumer held;
    private final long origin = System.nanoTime();
    // The primary's positions not yet known to be replayed, oldest first, the newest replayed one at the head; only
    // the checking thread touches them.
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final int maxSamples;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("waybill-replica-monitor"));
    private volatile boolean closed;
    private final AtomicReference<Status> status =
            new AtomicReference<>(new Status(NOT_YET, NOT_YET, Duration.ZERO, NOT_CHECKED));

    /** @param held told, after each check that finds the replica well, up to when it holds what the primary held */
    ReplicaMonitor(Jdbi primary, Jdbi replica, Duration maxLag, Duration interval, LongConsumer held) {
        this.primary = primary;
        this.replica = replica;
        this.maxLagNanos = maxLag.toNanos();
        this.interval = interval;
        this.held = held;
        this.maxSamples = (int) Math.min(100_000, 2 * maxLag.toNanos() / interval.toNanos() + 16);
    }

    /** Checks every {@code interval} from now on, the first time at once. */
    void start() {
        thread.scheduleWithFixedDelay(this::checkSafely, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Nanoseconds since this monitor was made: the time {@link RecentChanges} is told changes in. */
    long now() {
        return System.nanoTime() - origin;
    }

    /**
     * When reads may go to the replica now, the time up to which it holds everything the primary held (changes learnt
     * before it are there); otherwise -1.
     */
    long readableHeldAt() {
        Status now = status.get();
        return now.problem().isEmpty() && now() - now.checkedAt() <= maxLagNanos ? now.heldAt() : NOT_YET;
    }

    /** Why reads bypass the replica now; empty when they go to it. */
    Optional<String> problem() {
        Status now = status.get();
        if (now.problem().isPresent()) {
            return now.problem();
        }
        long since = now() - now.checkedAt();
        return since <= maxLagNanos ? Optional.empty()
                : Optional.of("not checked for " + TimeUnit.NANOSECONDS.toMillis(since) + " ms");
    }

    /** How far behind the primary the replica was at its last check. */
    Duration lag() {
        return status.get().lag();
    }

    /** A read on the replica failed: reads bypass it until a check finds it well again. */
    void readFailed(String what) {
        Status now = status.get();
        if (now.problem().isEmpty()) {
            transition(now, new Status(now.checkedAt(), now.heldAt(), now.lag(), Optional.of("a read failed: " + what)));
        }
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException | Error e) {
            LOG.error("The replica's check failed", e);
        }
    }

    /**
     * One round: the primary's position, then the replica's, read with a statement on Waybill's table that the reads
     * use, so that a replica whose reads would fail (a schema not replayed yet, a role without the right) is down.
     */
    void check() {
        notePrimary();
        Status before = status.get();
        Status after;
        try {
            Replayed replayed = replica.withHandle(handle -> handle.createQuery(
                            "SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn() - '0/0'::pg_lsn AS lsn"
                                    + " FROM (SELECT count(*) FROM (SELECT 1 FROM shipments LIMIT 1) one) readable")
                    .setQueryTimeout(QUERY_TIMEOUT_SECONDS)
                    .map((rows, context) -> new Replayed(rows.getBoolean("recovering"), rows.getLong("lsn")))
                    .one());
            after = compare(replayed, now());
        } catch (RuntimeException e) {
            after = new Status(now(), before.heldAt(), before.lag(),
                    Optional.of("down: " + DatabaseFailures.describe(e)));
        }
        transition(before, after);
        if (after.problem().isEmpty()) {
            held.accept(after.heldAt());
        }
    }

    private void notePrimary() {
        try {
            // The time is taken once the connection is had: a wait for one would make it older than need be.
            Sample sample = primary.withHandle(handle -> {
                long at = now();
                return new Sample(at, handle.createQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")
                        .setQueryTimeout(QUERY_TIMEOUT_SECONDS)
                        .mapTo(Long.class)
                        .one());
            });
            samples.addLast(sample);
            if (samples.size() > maxSamples) {
                samples.removeFirst();
            }
        } catch (RuntimeException e) {
            // The primary's failures show in its own probe; without a new position, the replica is compared with the
            // ones noted before, and the changes learnt since wait for the primary.
        }
    }

    private Status compare(Replayed replayed, long checkedAt) {
        if (!replayed.recovering()) {
            return new Status(checkedAt, NOT_YET, Duration.ZERO,
                    Optional.of("not a replica: it is not in recovery (promoted, or the primary itself)"));
        }
        long heldAt = NOT_YET;
        int held = -1;
        Sample lacking = null;
        for (Sample sample : samples) {
            if (sample.lsn() > replayed.lsn()) {
                lacking = sample;
                break;
            }
            heldAt = sample.at();
            held++;
        }
        for (int older = 0; older < held; older++) {
            samples.removeFirst();
        }
        Duration lag = Duration.ofNanos(lacking == null ? 0 : checkedAt - lacking.at());
        if (lag.toNanos() > maxLagNanos) {
            return new Status(checkedAt, heldAt, lag, Optional.of("lagging: " + lag.toMillis()
                    + " ms behind the primary, more than the " + TimeUnit.NANOSECONDS.toMillis(maxLagNanos)
                    + " ms allowed"));
        }
        return new Status(checkedAt, heldAt, lag, Optional.empty());
    }

    /**
     * Moves from {@code before} to {@code after} unless the status changed meanwhile (a read failed during a check:
     * the next check decides), and logs what changed for whoever moved it.
     */
    private void transition(Status before, Status after) {
        if (!status.compareAndSet(before, after) || closed) {
            return;
        }
        boolean wasWell = before.problem().isEmpty() || before.problem().equals(NOT_CHECKED);
        if (wasWell && after.problem().isPresent()) {
            LOG.warn("Reads bypass the database replica, the primary serves them: {}", after.problem().get());
        } else if (before.problem().isPresent() && after.problem().isEmpty()) {
            LOG.info("Reads go to the database replica, {} ms behind the primary", after.lag().toMillis());
        }
    }

    /** Stops the checks, waiting a little for one under way to end. */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Sample(long at, long lsn) {}

    private record Replayed(boolean recovering, long lsn) {}

    /**
     * @param checkedAt when the replica last answered, or was found down
     * @param heldAt the replica holds everything the primary held then ({@link #NOT_YET} when not known)
     * @param problem why reads bypass it; empty when they may go to it
     */
    private record Status(long checkedAt, long heldAt, Duration lag, Optional<String> problem) {}
}
