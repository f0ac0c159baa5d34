package io.waybill.adapters.http;

/**
 * What one request's body took from the {@link BodyBudget}, given back whole when the request ends, however it ends.
 * Thread-safe: the body's reader takes, and whichever thread ends the request closes.
 */
final class BodyShare {

    private final BodyBudget budget;
    private long taken;
    private boolean closed;

    BodyShare(BodyBudget budget) {
        this.budget = budget;
    }

    /** Takes {@code bytes} more; false, taking nothing, when the budget has not that much left or this is closed. */
    synchronized boolean take(long bytes) {
        if (closed || !budget.take(bytes)) {
            return false;
        }
        taken += bytes;
        return true;
    }

    /** Gives back what this share took; it takes nothing more after. */
    synchronized void close() {
        closed = true;
        budget.giveBack(taken);
        taken = 0;
    }
}
