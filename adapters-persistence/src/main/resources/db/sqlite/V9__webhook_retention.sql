-- SQLite; db/postgresql/V9__webhook_retention.sql explains it. Times are INTEGER microseconds since the epoch in UTC.
ALTER TABLE webhook_messages ADD COLUMN finished_at INTEGER;

UPDATE webhook_messages
SET finished_at = COALESCE((SELECT max(a.attempted_at) FROM webhook_attempts a
                            WHERE a.message_id = webhook_messages.id), created_at)
WHERE state <> 'pending';

CREATE INDEX webhook_messages_finished ON webhook_messages (finished_at) WHERE state <> 'pending';
CREATE INDEX webhook_messages_subscription ON webhook_messages (subscription_id);
CREATE INDEX webhook_attempts_message ON webhook_attempts (message_id);

-- Claims read each active subscription's head (JdbcWebhookStore), never the due-time index.
DROP INDEX webhook_messages_due;

-- Lanes: db/postgresql/V9__webhook_retention.sql explains them.
ALTER TABLE webhook_messages ADD COLUMN lane INTEGER NOT NULL DEFAULT 0;
DROP INDEX webhook_messages_pending;
CREATE INDEX webhook_messages_pending ON webhook_messages (subscription_id, lane, id) WHERE state = 'pending';
