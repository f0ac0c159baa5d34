-- PostgreSQL 15; db/sqlite/V9__webhook_retention.sql is the same for SQLite.

-- When a message stopped being pending (delivered, or given up): the retention job (webhook-retention) deletes the
-- messages finished longer ago than WAYBILL_WEBHOOK_RETENTION, a batch at a time, oldest first. NULL while pending.
ALTER TABLE webhook_messages ADD COLUMN finished_at TIMESTAMP WITH TIME ZONE;

UPDATE webhook_messages m
SET finished_at = COALESCE((SELECT max(a.attempted_at) FROM webhook_attempts a WHERE a.message_id = m.id), m.created_at)
WHERE m.state <> 'pending';

CREATE INDEX webhook_messages_finished ON webhook_messages (finished_at) WHERE state <> 'pending';

-- The foreign keys' own indexes: deleting a subscription (its messages) or a message (its attempts, ON DELETE
-- CASCADE) reads them instead of the whole table. V8's indexes on subscription_id hold pending messages only.
CREATE INDEX webhook_messages_subscription ON webhook_messages (subscription_id);
CREATE INDEX webhook_attempts_message ON webhook_attempts (message_id);

-- Claims read each active subscription's head (JdbcWebhookStore), never the due-time index.
DROP INDEX webhook_messages_due;

-- Lanes (WebhookOutbox.LANES): a message goes in the lane of its shipment (shipments.id modulo the lanes), and claims
-- read the oldest pending message of each lane of each subscription, so that a shipment's messages go in order while
-- a subscription's messages about other shipments go beside them. Messages written before are all in lane 0, in the
-- order they had.
ALTER TABLE webhook_messages ADD COLUMN lane SMALLINT NOT NULL DEFAULT 0;
DROP INDEX webhook_messages_pending;
CREATE INDEX webhook_messages_pending ON webhook_messages (subscription_id, lane, id) WHERE state = 'pending';
