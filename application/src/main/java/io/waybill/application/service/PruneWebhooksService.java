package io.waybill.application.service;

import io.waybill.application.port.out.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes webhook messages delivered or given up longer ago than the retention, with their attempts (and the marks of
 * stalled shipments that have changed since), a batch at a time: a cluster job's task. Pending messages stay, however
 * old. Thread-safe.
 */
public final class PruneWebhooksService {

    private static final int BATCH = 500;

    private final WebhookStore store;
    private final Duration retention;
    private final Clock clock;

    public PruneWebhooksService(WebhookStore store, Duration retention, Clock clock) {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the webhook retention must be positive; got " + retention);
        }
        this.store = store;
        this.retention = retention;
        this.clock = clock;
    }

    /** Deletes everything past the retention now, in batches until one finds nothing; answers how many rows went. */
    public int prune() {
        Instant before = clock.instant().minus(retention);
        int total = 0;
        for (int deleted = store.prune(before, BATCH); deleted > 0; deleted = store.prune(before, BATCH)) {
            total += deleted;
        }
        return total;
    }
}
