-- One script for H2 (MODE=PostgreSQL) and PostgreSQL 15.

-- Idempotency keys of GET /next-tracking-number, each stored in the transaction that stores its shipment, so that a
-- key is there exactly when its number is. The primary key is the arbiter between concurrent requests with one key,
-- on any instance. request_hash is a SHA-256 of the order, in hex: a key given again for another order is refused.
-- Rows older than 24 hours are no longer answered and are deleted now and then (the index on issued_at).
CREATE TABLE idempotency_keys (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    request_hash    CHAR(64) NOT NULL,
    tracking_number VARCHAR(64) NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idempotency_keys_issued_at ON idempotency_keys (issued_at);
