-- SQLite; db/postgresql/V6__report_figures.sql explains the column and the indexes. Times are INTEGER microseconds
-- (see V1). SQLite's max() of several values is NULL when one is, hence the COALESCEs.
ALTER TABLE shipments ADD COLUMN last_recorded_at INTEGER;
UPDATE shipments SET last_recorded_at = max(created_at, coalesce(updated_at, created_at),
    coalesce((SELECT max(e.recorded_at) FROM tracking_events e WHERE e.shipment_id = shipments.id), created_at));

CREATE INDEX shipments_stalled ON shipments (last_recorded_at)
    WHERE status NOT IN ('delivered', 'returned_to_sender', 'cancelled');

CREATE INDEX tracking_events_delivered ON tracking_events (event_time, shipment_id) WHERE status = 'delivered';
CREATE INDEX tracking_events_exception ON tracking_events (event_time) WHERE status = 'exception';
