package io.waybill.adapters.persistence;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.waybill.application.port.out.ClusterJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster jobs on db-scheduler: one row per job in {@code scheduled_tasks} (V5) holds its next due time; the instance
 * that marks a due row picked (an UPDATE guarded by the row's version, so one instance wins) runs the job and then
 * writes the next due time. A run missed while every instance was down is a row already due, run once by the first
 * instance to poll. Each instance polls every {@link #pollingInterval}, so a run starts up to that late.
 *
 * <p>Thread-safe. {@link #close} stops what {@link #start} started, if it is still running (Persistence calls it
 * before closing the pool).
 */
final class DbSchedulerClusterJobs implements ClusterJobs, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DbSchedulerClusterJobs.class);
    private static final Duration MAX_POLLING_INTERVAL = Duration.ofSeconds(10);
    private static final Duration MIN_POLLING_INTERVAL = Duration.ofMillis(50);
    // A run under way when the jobs stop gets this long to end, then is interrupted and gets as long again.
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    // An instance that died mid-run holds its job's row picked until the others see no heartbeat for 6 of these.
    private static final Duration HEARTBEAT = Duration.ofSeconds(30);
    // db-scheduler deletes the rows of jobs an instance does not know after this long (14 days by default): an
    // instance of an older version, up that long beside newer ones, would delete a newer job's row, and that job
    // would stop until an instance starts again. A row left by a renamed or removed job costs nothing: polls skip it.
    private static final Duration KEEP_UNKNOWN_JOBS = Duration.ofDays(36_500);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final DataSource dataSource;
    private final JdbcCustomization jdbc;
    private final String table;
    // Guarded by this: a close racing a start either stops what it started or keeps it from starting.
    private Scheduler started;
    private boolean closed;

    private DbSchedulerClusterJobs(DataSource dataSource, JdbcCustomization jdbc, String table) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.table = table;
    }

    static DbSchedulerClusterJobs on(DataSource dataSource, DatabaseSettings settings) {
        if (settings.engine() == Engine.SQLITE) {
            return new DbSchedulerClusterJobs(dataSource, new SqliteJdbcCustomization(), "scheduled_tasks");
        }
        // The pool sets the search path to Waybill's schema already; naming it keeps db-scheduler on Waybill's table
        // even on a connection whose search path someone changed. UTC timestamps: independent of the JVM's zone.
        String table = settings.schema().map(schema -> schema + ".scheduled_tasks").orElse("scheduled_tasks");
        return new DbSchedulerClusterJobs(dataSource, new PostgreSqlJdbcCustomization(false, true), table);
    }

    @Override
    public synchronized AutoCloseable start(List<Job> jobs) {
        if (started != null || closed) {
            throw new IllegalStateException(
                    closed ? "the database is closed" : "this instance's jobs are started already");
        }
        List<String> names = jobs.stream().map(Job::name).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("job names must be unique; got " + names);
        }
        List<RecurringTask<Void>> tasks = jobs.stream().map(DbSchedulerClusterJobs::task).toList();
        Scheduler scheduler = Scheduler.create(dataSource)
                .startTasks(tasks)
                .tableName(table)
                .jdbcCustomization(jdbc)
                .schedulerName(new SchedulerName.Fixed(name()))
                // A thread per job: a long run of one (a weather refresh, a report archive retrying) delays no other.
                .threads(Math.max(1, jobs.size()))
                .pollingInterval(pollingInterval(jobs))
                .heartbeatInterval(HEARTBEAT)
                .shutdownMaxWait(SHUTDOWN_WAIT)
                .deleteUnresolvedAfter(KEEP_UNKNOWN_JOBS)
                .build();
        scheduler.start();
        started = scheduler;
        return this::stop;
    }

    /** Stops the jobs if they run, and refuses to start them after. */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }

    // Waits up to twice SHUTDOWN_WAIT for a run under way; once stopped, does nothing.
    private synchronized void stop() {
        if (started != null && !started.getSchedulerState().isShuttingDown()) {
            started.stop();
        }
    }

    /**
     * Half the shortest time between two runs, so that a run starts at most half of that late, and no more than 10 s
     * (a poll is one indexed read of due rows; jobs here run every few minutes).
     */
    static Duration pollingInterval(List<Job> jobs) {
        Duration half = jobs.stream().map(job -> between(job.schedule()).dividedBy(2)).min(Duration::compareTo)
                .orElse(MAX_POLLING_INTERVAL);
        Duration atMost = half.compareTo(MAX_POLLING_INTERVAL) < 0 ? half : MAX_POLLING_INTERVAL;
        return atMost.compareTo(MIN_POLLING_INTERVAL) > 0 ? atMost : MIN_POLLING_INTERVAL;
    }

    // A calendar's times need not be evenly spaced: the gap between its next two stands for them.
    private static Duration between(ClusterJobs.Schedule schedule) {
        if (schedule instanceof ClusterJobs.Every every) {
            return every.interval();
        }
        ClusterJobs.Calendar calendar = (ClusterJobs.Calendar) schedule;
        return calendar.next(Instant.now())
                .flatMap(first -> calendar.next(first).map(second -> Duration.between(first, second)))
                .orElse(MAX_POLLING_INTERVAL);
    }

    private static RecurringTask<Void> task(Job job) {
        if (job.schedule() instanceof ClusterJobs.Calendar calendar) {
            // A failed run throws on to db-scheduler, whose failure handler tries it again soon (CalendarRetry).
            return Tasks.recurring(job.name(), new CalendarSchedule(calendar))
                    .onFailure(new CalendarRetry(job.name(), calendar))
                    .execute((instance, context) -> job.task().accept(CalendarSchedule.runFor(calendar)));
        }
        Duration interval = ((ClusterJobs.Every) job.schedule()).interval();
        return Tasks.recurring(job.name(), new FixedRate(interval)).execute((instance, context) -> {
            try {
                job.task().accept(context.getExecution().executionTime);
            } catch (RuntimeException e) {
                // Caught here rather than left to db-scheduler, which would reschedule too, so that the log names
                // the job and says what happens next.
                LOG.error("Job {} failed; its next run comes on schedule", job.name(), e);
            }
        });
    }

    // Seen in picked_by (db-scheduler keeps 50 characters): which process, and which of its instances, runs a job.
    private static String name() {
        return ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet() + "@"
                + new SchedulerName.Hostname().getName();
    }
}
