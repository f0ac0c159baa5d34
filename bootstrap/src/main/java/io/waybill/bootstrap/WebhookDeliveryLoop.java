package io.waybill.bootstrap;

import io.waybill.application.service.DeliverWebhooksService;
import io.waybill.application.support.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhook messages on a thread of its own, on every serving instance: at once again after a round that found
 * messages due, after {@code poll} after one that found none, after a second after one that failed (the database
 * away). The instances share the work through the outbox's leases, which keep a message to one of them at a time.
 * {@link #close} stops the thread and waits for the attempt under way, up to the attempt's timeout; a message it
 * leaves unrecorded is taken again once its lease ends.
 */
final class WebhookDeliveryLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryLoop.class);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    private final DeliverWebhooksService deliveries;
    private final Duration poll;
    private final Thread thread;
    private volatile boolean stopping;

    private WebhookDeliveryLoop(DeliverWebhooksService deliveries, Duration poll) {
        this.deliveries = deliveries;
        this.poll = poll;
        this.thread = DaemonThreads.thread("waybill-webhooks", this::run);
    }

    static WebhookDeliveryLoop start(DeliverWebhooksService deliveries, Duration poll) {
        WebhookDeliveryLoop loop = new WebhookDeliveryLoop(deliveries, poll);
        loop.thread.start();
        return loop;
    }

    private void run() {
        while (!stopping) {
            Duration pause;
            try {
                pause = deliveries.deliverDue() > 0 ? Duration.ZERO : poll;
            } catch (RuntimeException e) {
                LOG.warn("Webhook deliveries failed; trying again in {}", AFTER_FAILURE, e);
                pause = AFTER_FAILURE;
            }
            if (!pause.isZero()) {
                try {
                    TimeUnit.NANOSECONDS.sleep(pause.toNanos()); // a pause between polls, not a synchronisation
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.interrupt();
        thread.join(DeliverWebhooksService.TIMEOUT.toMillis() + 1000);
    }
}
