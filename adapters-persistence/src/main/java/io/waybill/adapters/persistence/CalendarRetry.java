package io.waybill.adapters.persistence;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import io.waybill.application.port.out.ClusterJobs;
import io.waybill.application.support.Backoff;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a failed run of a job on a calendar (a report the database could not count or keep, say): the run is
 * tried again after 1 s, then after a wait that doubles up to 5 minutes, for as long as it fails, but never later than
 * the calendar's next time, which comes on time. A retry is for the calendar's latest time at its start, the one that
 * failed until the next time comes. Stateless.
 */
final class CalendarRetry implements FailureHandler<Void> {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarRetry.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    private final String job;
    private final CalendarSchedule schedule;

    CalendarRetry(String job, ClusterJobs.Calendar calendar) {
        this.job = job;
        this.schedule = new CalendarSchedule(calendar);
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        Instant retry = complete.getTimeDone().plus(BACKOFF.after(failures));
        Instant next = schedule.getNextExecutionTime(complete);
        Instant due = retry.isBefore(next) ? retry : next;
        // db-scheduler logs the failure with its stack trace; this says what follows.
        LOG.warn("Job {} failed ({} in a row): {}; it is tried again at {}", job, failures,
                complete.getCause().map(Throwable::toString).orElse("no cause given"), due);
        operations.reschedule(complete, due);
    }
}
