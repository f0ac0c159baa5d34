-- PostgreSQL 15; db/sqlite/V6__report_figures.sql is the same for SQLite.

-- Deliveries and exceptions by their time, for the status report's counts and transit times of a period
-- (JdbiReportFigures): a small share of the events each, so a period's are a short range instead of a pass over every
-- event. Only tracking_events: issuing tracking numbers (issue 12) writes shipments without events, and an appended
-- event pays only the check of the condition unless it is a delivery or an exception. The stalled count needs nothing
-- here: it is counted in the report's pass over the shipments.
CREATE INDEX tracking_events_delivered ON tracking_events (event_time, shipment_id) WHERE status = 'delivered';
CREATE INDEX tracking_events_exception ON tracking_events (event_time) WHERE status = 'exception';
