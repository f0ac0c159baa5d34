package io.waybill.adapters.persistence;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import io.waybill.application.port.out.ClusterJobs;
import java.time.Instant;

/**
 * A job's runs at a calendar's times, for db-scheduler: the next run is due at the calendar's first time after the
 * last run ended, so runs missed while every instance was down come to one run, made as soon as an instance polls.
 * Deterministic: an instance started with a changed calendar moves the stored next run (one due within 10 s excepted,
 * db-scheduler's rule) to the new calendar's next time. A calendar with no time left is never due again. Immutable.
 */
final class CalendarSchedule implements Schedule {

    // Far enough to mean never, near enough for every database's timestamps.
    private static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

    private final ClusterJobs.Calendar calendar;

    CalendarSchedule(ClusterJobs.Calendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete complete) {
        return after(complete.getTimeDone());
    }

    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return after(now);
    }

    private Instant after(Instant time) {
        return calendar.next(time).orElse(NEVER);
    }

    @Override
    public boolean isDeterministic() {
        return true;
    }

    @Override
    public String toString() {
        return calendar.toString();
    }
}
