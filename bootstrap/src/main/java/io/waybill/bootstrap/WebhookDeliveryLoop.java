package io.waybill.bootstrap;

import io.waybill.application.port.out.WebhookStore.Claim;
import io.waybill.application.service.DeliverWebhooksService;
import io.waybill.application.support.DaemonThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhook messages on every serving instance: a thread claims as many due messages as there are idle workers,
 * and each worker makes one attempt at a time, so that a slow or dead receiver holds up only the worker attempting it.
 * It claims again at once when a worker is free and messages were due; when none were, once a worker finishes (its
 * message may have been what the next of its lane waited for) or after {@code poll}, whichever comes first; after a
 * second after a failure (the database away). The instances share the work through the outbox's leases, which keep a
 * message to one of them at a time. {@link #close} stops claiming and interrupts the attempts under way, whose
 * claims are given back uncounted, and waits for them.
 */
final class WebhookDeliveryLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryLoop.class);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final DeliverWebhooksService deliveries;
    private final Duration poll;
    private final Semaphore idle;
    // A permit for each attempt finished since the claimer last looked: what it waits for, besides the poll.
    private final Semaphore finished = new Semaphore(0);
    private final ExecutorService workers;
    private final Thread claimer;
    private volatile boolean stopping;

    private WebhookDeliveryLoop(DeliverWebhooksService deliveries, Duration poll, int workers) {
        this.deliveries = deliveries;
        this.poll = poll;
        this.idle = new Semaphore(workers);
        this.workers = Executors.newFixedThreadPool(workers, DaemonThreads.numbered("waybill-webhooks-"));
        this.claimer = DaemonThreads.thread("waybill-webhooks", this::run);
    }

    static WebhookDeliveryLoop start(DeliverWebhooksService deliveries, Duration poll, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("webhook deliveries need at least one worker; got " + workers);
        }
        WebhookDeliveryLoop loop = new WebhookDeliveryLoop(deliveries, poll, workers);
        loop.claimer.start();
        return loop;
    }

    private void run() {
        try {
            while (!stopping) {
                idle.acquire();
                int wanted = 1 + idle.drainPermits();
                finished.drainPermits();
                List<Claim> claims;
                try {
                    claims = deliveries.claim(wanted);
                } catch (RuntimeException e) {
                    idle.release(wanted);
                    LOG.warn("Claiming webhook messages failed; trying again in {}", AFTER_FAILURE, e);
                    pause(AFTER_FAILURE);
                    continue;
                }
                idle.release(wanted - claims.size());
                for (Claim claim : claims) {
                    try {
                        workers.execute(() -> deliver(claim));
                    } catch (RejectedExecutionException closing) {
                        idle.release(); // its claim runs out by itself
                    }
                }
                if (claims.isEmpty()) {
                    // Not a synchronisation: whatever finishes, the next claim reads the database again.
                    finished.tryAcquire(poll.toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        } catch (InterruptedException stopped) {
            // close() ends the loop
        }
    }

    private void deliver(Claim claim) {
        try {
            deliveries.deliver(claim);
        } catch (RuntimeException e) {
            LOG.warn("Recording webhook message {}'s attempt failed; it is taken again once its claim runs out",
                    claim.message().id(), e);
        } finally {
            idle.release();
            finished.release();
        }
    }

    private static void pause(Duration pause) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(pause.toNanos()); // a pause between polls, not a synchronisation
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        claimer.interrupt();
        claimer.join(STOP_WAIT.toMillis());
        workers.shutdownNow();
        if (!workers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("Webhook attempts still under way after {}; their claims run out by themselves", STOP_WAIT);
        }
    }
}
