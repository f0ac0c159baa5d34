-- SQLite; db/postgresql/V2__shipment_tracking.sql explains the columns, which are the same here with SQLite's types
-- (see V1): times INTEGER microseconds with their offset and nanosecond beside them, dates and decimals as text.

ALTER TABLE shipments ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE shipments ADD COLUMN updated_at INTEGER;
ALTER TABLE shipments ADD COLUMN public_tracking INTEGER NOT NULL DEFAULT 1;
ALTER TABLE shipments ADD COLUMN estimated_delivery TEXT;
ALTER TABLE shipments ADD COLUMN order_created_offset INTEGER;
ALTER TABLE shipments ADD COLUMN order_created_nano INTEGER;

ALTER TABLE shipments ADD COLUMN sender_id TEXT;
ALTER TABLE shipments ADD COLUMN sender_name TEXT;
ALTER TABLE shipments ADD COLUMN sender_street TEXT;
ALTER TABLE shipments ADD COLUMN sender_zip TEXT;
ALTER TABLE shipments ADD COLUMN sender_city TEXT;
ALTER TABLE shipments ADD COLUMN sender_country TEXT;
ALTER TABLE shipments ADD COLUMN sender_phone TEXT;
ALTER TABLE shipments ADD COLUMN receiver_id TEXT;
ALTER TABLE shipments ADD COLUMN receiver_name TEXT;
ALTER TABLE shipments ADD COLUMN receiver_street TEXT;
ALTER TABLE shipments ADD COLUMN receiver_zip TEXT;
ALTER TABLE shipments ADD COLUMN receiver_city TEXT;
ALTER TABLE shipments ADD COLUMN receiver_country TEXT;
ALTER TABLE shipments ADD COLUMN receiver_phone TEXT;

CREATE TABLE shipment_articles (
    shipment_id INTEGER NOT NULL CONSTRAINT shipment_articles_shipment_fk REFERENCES shipments (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    price       TEXT CHECK (CAST(price AS REAL) >= 0),
    sku         TEXT,
    CONSTRAINT shipment_articles_pk PRIMARY KEY (shipment_id, position)
) WITHOUT ROWID;

CREATE TABLE tracking_events (
    id               INTEGER PRIMARY KEY,
    shipment_id      INTEGER NOT NULL CONSTRAINT tracking_events_shipment_fk REFERENCES shipments (id)
                         ON DELETE CASCADE,
    shipment_version INTEGER NOT NULL,
    event_id         TEXT NOT NULL,
    event_time       INTEGER NOT NULL,
    event_offset     INTEGER NOT NULL,
    event_nano       INTEGER NOT NULL,
    status           TEXT NOT NULL,
    carrier_status   TEXT NOT NULL,
    location_kind    TEXT CHECK (location_kind IN ('centre', 'place')),
    centre_id        TEXT,
    location_title   TEXT,
    location_street  TEXT,
    location_zip     TEXT,
    location_city    TEXT,
    location_country TEXT,
    description      TEXT,
    recorded_at      INTEGER NOT NULL,
    CONSTRAINT tracking_events_event_unique UNIQUE (shipment_id, event_id)
);

CREATE INDEX shipments_listing ON shipments (created_at DESC, tracking_number DESC, carrier DESC);
CREATE INDEX shipments_customer_listing ON shipments (customer_id, created_at DESC, tracking_number DESC, carrier DESC);
CREATE INDEX shipments_status_listing ON shipments (status, created_at DESC, tracking_number DESC, carrier DESC);

-- SQLite has no NOTIFY: each transaction that changes shipments writes here what PostgreSQL's would notify (the
-- writer's origin and the numbers, ChangeNotices), for the other processes on this file to read now and then
-- (SqliteShipmentChanges) and their caches to forget. AUTOINCREMENT: ids only grow, so a reader that saw id n misses
-- nothing by reading the ids after n. Rows are deleted a minute after they are written; the table stays small.
CREATE TABLE shipment_changes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    notice     TEXT NOT NULL,
    changed_at INTEGER NOT NULL
);
