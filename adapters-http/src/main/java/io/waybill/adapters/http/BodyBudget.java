package io.waybill.adapters.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory that the bodies being read may take together. Since reading a body no longer holds a thread, the
 * number of bodies in memory at once is bounded by nothing else: a thousand clients sending a megabyte each would
 * otherwise hold a gigabyte. Thread-safe.
 */
final class BodyBudget {

    private final long maxBytes;
    private final AtomicLong used = new AtomicLong();

    BodyBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** One request's share, given back whole when the request ends. */
    Share share() {
        return new Share();
    }

    long used() {
        return used.get();
    }

    final class Share {

        private long taken;
        private boolean closed;

        /** Takes {@code bytes} more; false, taking nothing, when the budget has not that much left or it is closed. */
        synchronized boolean take(long bytes) {
            if (closed) {
                return false;
            }
            if (used.addAndGet(bytes) > maxBytes) {
                used.addAndGet(-bytes);
                return false;
            }
            taken += bytes;
            return true;
        }

        /** Gives back what this share took; it takes nothing more after. */
        synchronized void close() {
            closed = true;
            used.addAndGet(-taken);
            taken = 0;
        }
    }
}
