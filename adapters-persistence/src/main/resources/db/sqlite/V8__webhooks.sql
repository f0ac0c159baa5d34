-- SQLite; db/postgresql/V8__webhooks.sql explains the tables. Times are INTEGER microseconds since the epoch in UTC
-- (see V1). AUTOINCREMENT: message ids only grow, so they order a subscription's messages and a deleted message's id
-- never names another. JdbcWebhookStore deletes a subscription's messages and attempts itself.
CREATE TABLE webhook_subscriptions (
    id              TEXT PRIMARY KEY,
    owner           TEXT NOT NULL,
    url             TEXT NOT NULL,
    events          TEXT NOT NULL,
    secret          TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    disabled_reason TEXT
);

CREATE INDEX webhook_subscriptions_owner ON webhook_subscriptions (owner, created_at);

CREATE TABLE webhook_messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_id TEXT NOT NULL
                        CONSTRAINT webhook_messages_subscription_fk REFERENCES webhook_subscriptions (id)
                        ON DELETE CASCADE,
    type            TEXT NOT NULL,
    data            TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at INTEGER NOT NULL,
    lease           TEXT,
    lease_until     INTEGER
);

CREATE INDEX webhook_messages_due ON webhook_messages (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX webhook_messages_pending ON webhook_messages (subscription_id, id) WHERE state = 'pending';

CREATE TABLE webhook_attempts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id      INTEGER NOT NULL
                        CONSTRAINT webhook_attempts_message_fk REFERENCES webhook_messages (id) ON DELETE CASCADE,
    subscription_id TEXT NOT NULL,
    attempted_at    INTEGER NOT NULL,
    status          INTEGER,
    duration_micros INTEGER NOT NULL,
    error           TEXT
);

CREATE INDEX webhook_attempts_subscription ON webhook_attempts (subscription_id, id);

CREATE TABLE webhook_stalled (
    shipment_id      INTEGER NOT NULL,
    shipment_version INTEGER NOT NULL,
    PRIMARY KEY (shipment_id, shipment_version)
) WITHOUT ROWID;
