-- PostgreSQL 15; db/sqlite/V7__reports.sql is the same for SQLite.

-- The status reports made (issue 14), one row per schedule slot, behind ReportRepository (JdbiReportRepository),
-- shared by every instance on the database. Every report stays, with where it was archived (a directory or S3); one
-- not yet archived waits here for its next attempt. A repeated run of a slot replaces the row's report, counts one
-- more run, and waits to be archived again: an attempt of an earlier run that ends meanwhile records nothing (its
-- UPDATE names the run).
--
-- While a report waits, archived_at and location are NULL and next_attempt_at says when to try; once archived,
-- archived_at and location are set and next_attempt_at is NULL. attempts, last_error and failed_at describe the failed
-- attempts of the current run, and stay once it is archived: they are 0 and NULL together until one fails.
CREATE TABLE reports (
    -- The time the report is for, which names it: report@<slot>.json.
    slot            TIMESTAMP WITH TIME ZONE PRIMARY KEY,
    -- The start of the period it covers (the previous slot).
    period_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The report as written down (ReportFormat), as it is archived.
    document        BYTEA NOT NULL,
    made_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- 1 for the first report of the slot, one more for each repeated run.
    run             INT NOT NULL CHECK (run >= 1),
    archived_at     TIMESTAMP WITH TIME ZONE,
    location        TEXT,
    -- Failed attempts to archive this run.
    attempts        INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    -- When the last attempt failed, by the clock of the instance that made it: the backlog's latest error is the one
    -- of the waiting report that failed last.
    failed_at       TIMESTAMP WITH TIME ZONE,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    CHECK ((archived_at IS NULL) = (location IS NULL)),
    CHECK ((archived_at IS NULL) = (next_attempt_at IS NOT NULL)),
    CHECK ((attempts = 0) = (last_error IS NULL)),
    CHECK ((attempts = 0) = (failed_at IS NULL))
);

-- The reports that wait, by their next attempt: the due ones and the backlog's counts read a few rows of this, not
-- every report ever made. JdbiReportRepository's statements on them repeat the condition.
CREATE INDEX reports_waiting ON reports (next_attempt_at, slot) WHERE archived_at IS NULL;
