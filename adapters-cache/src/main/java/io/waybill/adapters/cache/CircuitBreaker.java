package io.waybill.adapters.cache;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.waybill.application.support.DaemonThreads;
import io.waybill.domain.CarrierTrackingNumber;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps calls away from Redis while it fails, and lets them back once the entries that may have gone stale are
 * deleted. Thread-safe.
 *
 * <p>Closed: reads and writes go to Redis. The first failure opens the breaker, since a failed write may have left
 * a stale entry: for {@code retryAfter} nothing is sent, reads are misses, and offers are skipped and their numbers
 * remembered. Then one attempt, the half-open trial, runs on the breaker's own thread: it deletes the remembered
 * entries (every entry when there were too many to remember) and pings. Meanwhile offers go to Redis again, since
 * what they store is fresh, but reads stay misses. When the trial succeeds the breaker closes; when it fails, or an
 * offer fails meanwhile, the breaker opens for another {@code retryAfter}.
 *
 * <p>The trial runs on a thread of its own rather than in a lookup, so that no lookup waits on a Redis that may
 * still be down, and so that reads come back only after the deletions. Closed implies that nothing is remembered:
 * numbers are remembered only while open, or together with opening.
 */
final class CircuitBreaker implements AutoCloseable {

    /** Makes Redis safe to read again; throws when Redis fails. */
    interface Recovery {

        /**
         * Deletes the entries of the stale numbers (every entry when they overflowed), checks that Redis answers,
         * and says what it did, for the log.
         */
        String recover(StaleNumbers stale);
    }

    private enum State {
        CLOSED,
        OPEN,
        RECOVERING
    }

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    private final String target;
    private final Duration retryAfter;
    private final int staleLimit;
    private final Recovery recovery;
    private final ScheduledExecutorService scheduler;
    private volatile State state = State.CLOSED;
    private StaleNumbers stale; // guarded by this
    private long openedAt; // guarded by this; System.nanoTime()

    /** @param target what the log calls Redis, without a password */
    CircuitBreaker(String target, Duration retryAfter, int staleLimit, Recovery recovery) {
        this.target = target;
        this.retryAfter = retryAfter;
        this.staleLimit = staleLimit;
        this.recovery = recovery;
        this.stale = new StaleNumbers(staleLimit);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("waybill-cache-recovery"));
    }

    boolean allowsReads() {
        return state == State.CLOSED;
    }

    boolean allowsWrites() {
        return state != State.OPEN;
    }

    /** While open, remembers {@code number} and returns true: the caller leaves Redis alone. Else returns false. */
    synchronized boolean skip(CarrierTrackingNumber number) {
        if (state != State.OPEN) {
            return false;
        }
        stale.add(number);
        return true;
    }

    synchronized void failed(RuntimeException failure) {
        open(failure);
    }

    /** A write for {@code number} failed, so its entry may be stale. */
    synchronized void failed(CarrierTrackingNumber number, RuntimeException failure) {
        stale.add(number);
        open(failure);
    }

    /** A write for all of {@code numbers} failed, so each of their entries may be stale. */
    synchronized void failed(Collection<CarrierTrackingNumber> numbers, RuntimeException failure) {
        numbers.forEach(stale::add);
        open(failure);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    // Called holding the lock.
    private void open(RuntimeException failure) {
        if (state == State.OPEN) {
            return;
        }
        if (state == State.CLOSED) {
            openedAt = System.nanoTime();
            LOG.warn("Redis at {} failed ({}); lookups go without the cache, and Redis is tried again every {} s",
                    target, failure.getMessage(), seconds(retryAfter));
            LOG.debug("The failure", failure);
        }
        state = State.OPEN;
        schedule();
    }

    private void schedule() {
        try {
            scheduler.schedule(this::attemptRecovery, retryAfter.toNanos(), NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // closed: nothing to recover for
        }
    }

    // The scheduler has one thread, so attempts never overlap.
    private void attemptRecovery() {
        StaleNumbers attempt;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            state = State.RECOVERING;
            attempt = stale;
            stale = new StaleNumbers(staleLimit);
        }
        try {
            String done = recovery.recover(attempt);
            synchronized (this) {
                if (state == State.RECOVERING) {
                    state = State.CLOSED;
                    LOG.info("Redis at {} answers again after {} s; {}", target,
                            seconds(Duration.ofNanos(System.nanoTime() - openedAt)), done);
                }
            }
        } catch (RuntimeException failure) {
            synchronized (this) {
                stale.addAll(attempt);
                if (state == State.RECOVERING) {
                    state = State.OPEN;
                    schedule();
                }
            }
            LOG.debug("Redis at {} still fails", target, failure);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
