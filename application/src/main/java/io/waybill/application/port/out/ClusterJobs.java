package io.waybill.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

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

    /**
     * @param name unique among jobs, kept in the database: renaming a job starts its schedule afresh
     * @param interval the time from one run's start to the next's
     * @param task what a run does; a run that throws is logged and the next one comes on time
     */
    record Job(String name, Duration interval, Runnable task) {

        public Job {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(task, "task");
            if (name.isBlank() || name.length() > 100) {
                throw new IllegalArgumentException("a job's name is 1 to 100 characters");
            }
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a job's interval must be positive; got " + interval);
            }
        }
    }
}
