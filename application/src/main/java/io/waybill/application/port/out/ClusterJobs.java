package io.waybill.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Recurring jobs that run on one instance at a time of all those sharing a database: each run of a job happens once
 * in the cluster, whichever instance takes it, and a run that was due while every instance was down happens once
 * when one comes back.
 */
public interface ClusterJobs {

    /**
     * Starts running {@code jobs} on this instance's share; at most once per instance.
     *
     * @return stops this instance's share of the jobs, letting a run under way finish
     */
    AutoCloseable start(List<Job> jobs);

    /** When a job's runs are due. */
    sealed interface Schedule permits Every, Calendar {}

    /**
     * Runs on a fixed grid: the first at once, then one every {@code interval} from the one before was due. Slots
     * that passed while every instance was down are not made up, but for one run at once.
     */
    record Every(Duration interval) implements Schedule {

        public Every {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a job's interval must be positive; got " + interval);
            }
        }
    }

    /**
     * Runs at the times of a calendar, such as a cron expression's: the first at the calendar's next time after the
     * job first starts. When every instance was down across several of its times, one run makes up for them all, for
     * the most recent. Implementations are immutable.
     */
    non-sealed interface Calendar extends Schedule {

        /** The calendar's first time strictly after {@code time}; empty when it has none. */
        Optional<Instant> next(Instant time);

        /** The calendar's last time at or before {@code time}; empty when it has none. */
        Optional<Instant> latest(Instant time);
    }

    /**
     * @param name unique among jobs, kept in the database: renaming a job starts its schedule afresh
     * @param schedule when its runs are due
     * @param task what a run does, given the time the run is for: for a {@link Calendar}, the calendar's latest time
     *     at or before the run's start (a run made up after the cluster was down is for the most recent time missed;
     *     one revived after its instance died mid-run, for the time it was under way for); for {@link Every}, the time
     *     the run was due. A run that throws is logged; on a calendar it is tried again after 1 s, then after a wait
     *     that doubles up to 5 minutes, until it succeeds or the calendar's next time comes; on {@link Every}, the
     *     next run comes on time.
     */
    record Job(String name, Schedule schedule, Consumer<Instant> task) {

        public Job {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(task, "task");
            if (name.isBlank() || name.length() > 100) {
                throw new IllegalArgumentException("a job's name is 1 to 100 characters");
            }
        }

        /** A job run {@link Every} {@code interval}, which needs not know the time its run is for. */
        public Job(String name, Duration interval, Runnable task) {
            this(name, new Every(interval), due -> task.run());
        }
    }
}
