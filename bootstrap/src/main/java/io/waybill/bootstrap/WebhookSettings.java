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
 */
public record WebhookSettings(RetrySchedule retries, boolean allowPrivate, Duration poll) {

    public static final WebhookSettings DEFAULTS =
            new WebhookSettings(RetrySchedule.STANDARD, false, Duration.ofMillis(250));

    public WebhookSettings {
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(poll, "poll");
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("the webhook poll interval must be positive; got " + poll);
        }
    }

    public WebhookSettings withRetries(RetrySchedule schedule) {
        return new WebhookSettings(schedule, allowPrivate, poll);
    }

    public WebhookSettings allowingPrivateTargets() {
        return new WebhookSettings(retries, true, poll);
    }
}
