package io.waybill.adapters.persistence;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;

/**
 * A job's runs on a fixed grid: the next run is due one interval after the last one was due, whenever that run
 * started or ended, so a job's rhythm neither drifts by the time its runs take nor by how late a poll found them
 * (db-scheduler's {@code FixedDelay} counts from a run's end). Slots that passed while a run went on, or while every
 * instance was down, are skipped, not caught up: the next run is the first slot after the last run ended. The first
 * run of a job never run before is due at once. Immutable.
 */
final class FixedRate implements Schedule {

    private final Duration interval;

    FixedRate(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive; got " + interval);
        }
        this.interval = interval;
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete complete) {
        // db-scheduler passes the run's due time (as stored) and its end; it also asks with a simulated run due and
        // done now (at start, to see whether a stored schedule should move), which this answers with now + interval.
        Instant due = complete.getExecution().executionTime;
        Instant done = complete.getTimeDone();
        long slotsPassed = done.isAfter(due) ? Duration.between(due, done).toNanos() / interval.toNanos() : 0;
        return due.plus(interval.multipliedBy(slotsPassed + 1));
    }

    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return now;
    }

    /** Not a calendar schedule: its times depend on when the last run was due, so a start never moves a stored one. */
    @Override
    public boolean isDeterministic() {
        return false;
    }

    @Override
    public String toString() {
        return "FixedRate " + interval;
    }
}
