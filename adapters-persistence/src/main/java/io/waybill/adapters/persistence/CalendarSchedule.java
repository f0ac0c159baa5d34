package io.waybill.adapters.persistence;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import io.waybill.application.port.out.ClusterJobs;
import java.time.Instant;

/**
 * A job's runs at a calendar's times, for db-scheduler. A run is for the calendar's latest time at its start
 * ({@link #runFor}): the time it was due, or, made up after every instance was down across several times, the most
 * recent of them; a run revived after its instance died mid-run is for the time it was under way for, not for the
 * off-grid time db-scheduler revives it at. The next run is due at the calendar's time after the one the run was for,
 * so a time that passed while a run went on comes due at once, and one run makes up for the times missed while the
 * cluster was down. Deterministic: an instance started with a changed calendar moves the stored next run (one due
 * within 10 s excepted, db-scheduler's rule) to the new calendar's next time. A calendar with no time left is never
 * due again. Immutable.
 */
final class CalendarSchedule implements Schedule {

    // Far enough to mean never, near enough for every database's timestamps.
    private static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

    private final ClusterJobs.Calendar calendar;

    CalendarSchedule(ClusterJobs.Calendar calendar) {
        this.calendar = calendar;
    }

    /** The time a run starting now is for: the calendar's latest time (now itself before its first time). */
    static Instant runFor(ClusterJobs.Calendar calendar) {
        Instant now = Instant.now();
        return calendar.latest(now).orElse(now);
    }

    /** The calendar's next time after the one the completed run was for: when it started, the latest time. */
    @Override
    public Instant getNextExecutionTime(ExecutionComplete complete) {
        Instant started = complete.getTimeDone().minus(complete.getDuration());
        return after(calendar.latest(started).orElse(started));
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
