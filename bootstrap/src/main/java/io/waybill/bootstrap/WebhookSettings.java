package io.waybill.bootstrap;

import io.waybill.domain.webhook.RetrySchedule;
import java.time.Duration;
import java.util.Objects;

/**
 * How webhook messages are delivered.
 *
 * @param retries the waits between a message's attempts, after its first, which is made at once
 *     ({@code WAYBILL_WEBHOOK_RETRY_DELAYS}; the Standard Webhooks schedule by default)
 * @param allowPrivate whether subscribers' URLs may be on loopback, private or link-local addresses
 *     ({@code WAYBILL_WEBHOOK_ALLOW_PRIVATE}; refused by default)
 * @param poll how often an instance looks for due messages when it found none the last time
 * @param retention how long messages delivered or given up are kept, with their attempts
 *     ({@code WAYBILL_WEBHOOK_RETENTION}, 30 days by default)
 * @param workers how many attempts one instance makes at once ({@code WAYBILL_WEBHOOK_WORKERS}, 32 by default); 0
 *     for an instance that writes messages but leaves their delivery to the others
 */
public record WebhookSettings(RetrySchedule retries, boolean allowPrivate, Duration poll, Duration retention,
        int workers) {

    public static final WebhookSettings DEFAULTS =
            new WebhookSettings(RetrySchedule.STANDARD, false, Duration.ofMillis(250), Duration.ofDays(30), 32);

    public WebhookSettings {
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(retention, "retention");
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("the webhook poll interval must be positive; got " + poll);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the webhook retention must be positive; got " + retention);
        }
        if (workers < 0) {
            throw new IllegalArgumentException("webhook deliveries cannot have fewer than no workers; got " + workers);
        }
    }

    public WebhookSettings withRetries(RetrySchedule schedule) {
        return new WebhookSettings(schedule, allowPrivate, poll, retention, workers);
    }

    public WebhookSettings allowingPrivateTargets() {
        return new WebhookSettings(retries, true, poll, retention, workers);
    }

    public WebhookSettings withRetention(Duration kept) {
        return new WebhookSettings(retries, allowPrivate, poll, kept, workers);
    }

    public WebhookSettings withWorkers(int count) {
        return new WebhookSettings(retries, allowPrivate, poll, retention, count);
    }
}
