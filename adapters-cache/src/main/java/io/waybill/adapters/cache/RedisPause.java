package io.waybill.adapters.cache;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves Redis alone for {@code retryAfter} after it failed, so that a Redis down or silent costs callers one
 * timeout, not one a call. Unlike the shipment cache's {@link CircuitBreaker} there is nothing to repair after an
 * outage: a bucket that went unused in Redis meanwhile is merely fuller than it would have been. Thread-safe.
 */
final class RedisPause {

    private static final Logger LOG = LoggerFactory.getLogger(RedisPause.class);

    private final String target;
    private final Duration retryAfter;
    private volatile long pausedUntil; // System.nanoTime()
    private volatile boolean paused;

    /** @param target what the log calls Redis, without a password */
    RedisPause(String target, Duration retryAfter) {
        this.target = target;
        this.retryAfter = retryAfter;
    }

    boolean allows() {
        return !paused || System.nanoTime() - pausedUntil >= 0;
    }

    void failed(RuntimeException failure) {
        pausedUntil = System.nanoTime() + retryAfter.toNanos();
        if (!paused) {
            paused = true;
            LOG.warn("Redis at {} failed ({}); rate limits are kept by each instance alone, and Redis is tried"
                    + " again in {} ms", target, failure.getMessage(), retryAfter.toMillis());
        }
    }

    void succeeded() {
        if (paused) {
            paused = false;
            LOG.info("Redis at {} answers again; rate limits are shared again", target);
        }
    }
}
