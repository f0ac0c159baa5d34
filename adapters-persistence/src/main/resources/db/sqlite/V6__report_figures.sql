-- SQLite; db/postgresql/V6__report_figures.sql explains the indexes. SQLite uses a partial index only for a query that
-- repeats its condition: JdbiReportFigures spells the statuses as these do (SqliteReportFiguresTest checks it).
CREATE INDEX tracking_events_delivered ON tracking_events (event_time, shipment_id) WHERE status = 'delivered';
CREATE INDEX tracking_events_exception ON tracking_events (event_time) WHERE status = 'exception';
