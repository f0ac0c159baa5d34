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
    BodyShare share() {
        return new BodyShare(this);
    }

    long used() {
        return used.get();
    }

    /** Takes {@code bytes} from the budget; false, taking nothing, when it has not that much left. */
    boolean take(long bytes) {
        if (used.addAndGet(bytes) > maxBytes) {
            used.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    /** Gives back {@code bytes} that {@link #take} took. */
    void giveBack(long bytes) {
        used.addAndGet(-bytes);
    }
}
