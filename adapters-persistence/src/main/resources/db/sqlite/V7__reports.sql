-- SQLite; db/postgresql/V7__reports.sql explains the table and its index. Times are INTEGER microseconds since the
-- epoch in UTC (see V1); the CHECKs keep them integers, as V5's do, since SQLite orders every INTEGER before every TEXT
-- and a time stored as text would never be due. The slot is the table's rowid (INTEGER PRIMARY KEY), so the index
-- of the waiting ones holds it without a column of its own, and the reports are stored in slot order. A report is a
-- BLOB. SQLite uses a partial index only for a query that repeats its condition, as JdbiReportRepository's do.
CREATE TABLE reports (
    slot            INTEGER PRIMARY KEY,
    period_from     INTEGER NOT NULL CHECK (typeof(period_from) = 'integer'),
    document        BLOB NOT NULL CHECK (typeof(document) = 'blob'),
    made_at         INTEGER NOT NULL CHECK (typeof(made_at) = 'integer'),
    run             INTEGER NOT NULL CHECK (run >= 1),
    archived_at     INTEGER CHECK (typeof(archived_at) IN ('integer', 'null')),
    location        TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    failed_at       INTEGER CHECK (typeof(failed_at) IN ('integer', 'null')),
    next_attempt_at INTEGER CHECK (typeof(next_attempt_at) IN ('integer', 'null')),
    CHECK ((archived_at IS NULL) = (location IS NULL)),
    CHECK ((archived_at IS NULL) = (next_attempt_at IS NOT NULL)),
    CHECK ((attempts = 0) = (last_error IS NULL)),
    CHECK ((attempts = 0) = (failed_at IS NULL))
);

CREATE INDEX reports_waiting ON reports (next_attempt_at) WHERE archived_at IS NULL;
