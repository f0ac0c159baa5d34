-- PostgreSQL 15; db/sqlite/V6__report_figures.sql is the same for SQLite.

-- What the status report (JdbiReportFigures) needs to count in a few aggregate statements without reading every row.

-- When Waybill last recorded anything for the shipment: the latest of created_at, updated_at and the recorded_at of
-- its events. Registration sets it, every change that records events raises it (ShipmentWriter), so that "stalled"
-- (not final and nothing recorded for days) is a range of one index instead of a join of every shipment under way
-- with its events. NULL only in rows that no writer of this version made, which none are after this migration.
ALTER TABLE shipments ADD COLUMN last_recorded_at TIMESTAMP WITH TIME ZONE;
UPDATE shipments SET last_recorded_at = GREATEST(created_at, updated_at,
    (SELECT max(e.recorded_at) FROM tracking_events e WHERE e.shipment_id = shipments.id));

-- Only the shipments under way, by when they were last recorded: the stalled ones are the front of it. The condition
-- is the statuses that are not final (ShipmentStatus.isFinal), spelled as JdbiReportFigures spells it, since SQLite
-- uses a partial index only for a query that repeats its condition.
CREATE INDEX shipments_stalled ON shipments (last_recorded_at)
    WHERE status NOT IN ('delivered', 'returned_to_sender', 'cancelled');

-- Deliveries and exceptions by their time, for the period's counts and transit times: a small share of the events
-- each, so these partial indexes cost little on writes, and a period's are a short range of them.
CREATE INDEX tracking_events_delivered ON tracking_events (event_time, shipment_id) WHERE status = 'delivered';
CREATE INDEX tracking_events_exception ON tracking_events (event_time) WHERE status = 'exception';
