-- SQLite, the embedded default; db/postgresql holds the same for PostgreSQL, version for version.
-- SQLite has no time, UUID, date or exact decimal types (see Engine): a time is INTEGER microseconds since the epoch
-- in UTC, a UUID its text, a date its ISO text (2026-12-06), an exact decimal its text. Lengths are the domain's to
-- check; SQLite does not enforce VARCHAR(n), so columns are plain TEXT here.

-- The global sequence behind tracking numbers: next_block is the first number of the next block of 1000 that an
-- instance reserves (UPDATE ... RETURNING, under SQLite's one write lock, so no two reservations see one value). The
-- block size must equal JdbiTrackingSequence.BLOCK_SIZE.
CREATE TABLE tracking_sequence (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    next_block INTEGER NOT NULL CHECK (next_block >= 0)
);
INSERT INTO tracking_sequence (id, next_block) VALUES (1, 0);

-- The tracking-number permutation key, bound to the numbers issued under it. One row at most.
CREATE TABLE permutation_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    key_hex    TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE shipments (
    id                  INTEGER PRIMARY KEY,
    tracking_number     TEXT NOT NULL,
    carrier             TEXT NOT NULL,
    status              TEXT NOT NULL,
    origin_country      TEXT,
    destination_country TEXT,
    weight_kg           TEXT,
    customer_id         TEXT,
    customer_name       TEXT,
    customer_slug       TEXT,
    order_created_at    INTEGER,
    created_at          INTEGER NOT NULL,
    -- The last guard against a repeated number: one shipment per number and carrier.
    CONSTRAINT shipments_number_carrier_unique UNIQUE (tracking_number, carrier)
);
