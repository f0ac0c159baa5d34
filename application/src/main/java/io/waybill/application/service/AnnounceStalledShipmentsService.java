package io.waybill.application.service;

import io.waybill.application.port.out.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes a {@code shipment.stalled} webhook message for each shipment with nothing recorded for the report's stalled
 * days (as reports count them), once until it changes: a cluster job's task, run on one instance at a time.
 * Thread-safe.
 */
public final class AnnounceStalledShipmentsService {

    private static final int BATCH = 500;

    private final WebhookStore store;
    private final Duration stalledAfter;
    private final Clock clock;

    public AnnounceStalledShipmentsService(WebhookStore store, int stalledDays, Clock clock) {
        if (stalledDays < 1) {
            throw new IllegalArgumentException("stalled days are at least 1; got " + stalledDays);
        }
        this.store = store;
        this.stalledAfter = Duration.ofDays(stalledDays);
        this.clock = clock;
    }

    /** Announces every shipment stalled now, a batch at a time; answers how many. */
    public int announce() {
        Instant now = clock.instant();
        int total = 0;
        for (int announced = BATCH; announced == BATCH; total += announced) {
            announced = store.recordStalled(now.minus(stalledAfter), now, BATCH);
        }
        return total;
    }
}
