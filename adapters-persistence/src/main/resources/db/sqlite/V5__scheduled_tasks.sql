-- SQLite; db/postgresql/V5__scheduled_tasks.sql explains the table (db-scheduler's, behind DbSchedulerClusterJobs).
-- Times are INTEGER microseconds since the epoch in UTC, as everywhere here (see V1): SqliteJdbcCustomization binds
-- and reads them so. The CHECKs keep them integers: SQLite orders every INTEGER before every TEXT, so one time
-- written as text ('2026-12-06 10:00:00', as CURRENT_TIMESTAMP gives) would never be <= the integer a poll binds,
-- and its job would silently never run again. A boolean is SQLite's 0 or 1, as the driver binds it.
CREATE TABLE scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BLOB,
    execution_time       INTEGER NOT NULL CHECK (typeof(execution_time) = 'integer'),
    picked               INTEGER NOT NULL CHECK (picked IN (0, 1)),
    picked_by            TEXT,
    last_success         INTEGER CHECK (typeof(last_success) IN ('integer', 'null')),
    last_failure         INTEGER CHECK (typeof(last_failure) IN ('integer', 'null')),
    consecutive_failures INTEGER,
    last_heartbeat       INTEGER CHECK (typeof(last_heartbeat) IN ('integer', 'null')),
    version              INTEGER NOT NULL,
    priority             INTEGER,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
