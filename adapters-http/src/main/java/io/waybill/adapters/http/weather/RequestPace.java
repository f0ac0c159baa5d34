package io.waybill.adapters.http.weather;

import java.util.concurrent.TimeUnit;

/**
 * Keeps one provider's requests from this process within its rate limit: a token bucket of {@code burst} requests
 * refilled at {@code perMinute} a minute. A request past the limit waits its turn (turns are handed out in the order
 * they are asked for), rather than being refused by the provider and remembered as a failure. Thread-safe.
 */
final class RequestPace {

    private final long nanosPerRequest;
    private final long burst;
    private long tokens; // guarded by this; negative: requests already waiting their turn
    private long refilledAt; // guarded by this

    RequestPace(int perMinute, int burst) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("a pace needs at least one request a minute and a burst of one");
        }
        this.nanosPerRequest = TimeUnit.MINUTES.toNanos(1) / perMinute;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = System.nanoTime();
    }

    /** A rate limit: requests a minute, and how many may go at once after a rest. */
    record Limit(int perMinute, int burst) {

        RequestPace pace() {
            return new RequestPace(perMinute, burst);
        }
    }

    /** Waits until this request's turn. */
    void await() throws InterruptedException {
        long wait = reserve(System.nanoTime());
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Takes a token at {@code now}; how long to wait for it. */
    synchronized long reserve(long now) {
        long earned = (now - refilledAt) / nanosPerRequest;
        if (earned > 0) {
            tokens = Math.min(burst, tokens + earned);
            refilledAt += earned * nanosPerRequest;
        }
        if (tokens >= burst) {
            refilledAt = now; // a full bucket earns nothing more
        }
        tokens--;
        return tokens >= 0 ? 0 : -tokens * nanosPerRequest - (now - refilledAt);
    }
}
