-- SQLite; db/postgresql/V3__idempotency_keys.sql explains the table. issued_at is INTEGER microseconds (see V1).
CREATE TABLE idempotency_keys (
    idempotency_key TEXT PRIMARY KEY,
    request_hash    TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    issued_at       INTEGER NOT NULL
);
CREATE INDEX idempotency_keys_issued_at ON idempotency_keys (issued_at);
