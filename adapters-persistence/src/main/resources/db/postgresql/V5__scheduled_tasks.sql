-- PostgreSQL 15; db/sqlite/V5__scheduled_tasks.sql is the same for SQLite.

-- db-scheduler's table (its documented PostgreSQL schema, 16.x), behind ClusterJobs (DbSchedulerClusterJobs): one row
-- per recurring job, named by the job, with its next execution time. The instance that runs a due job first sets
-- picked (an UPDATE guarded by version, so exactly one instance wins), runs it, then writes the next execution time
-- and clears picked: one run at a time in the cluster, and a run missed while every instance was down is one row
-- already due when one comes back. last_heartbeat lets the others take over a run whose instance died.
-- The columns, names and types are db-scheduler's to read and write; do not rename them.
CREATE TABLE scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
