package io.waybill.application.support;

import java.time.Duration;
import java.util.Objects;

/**
 * A wait that doubles with each failure in a row: {@code first} after the first, never longer than {@code max}.
 * Immutable.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff waits a positive time, at most its longest wait; got "
                    + first + " and " + max);
        }
    }

    /** The wait after {@code failures} failures in a row (1 or more). */
    public Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("a wait follows at least one failure; got " + failures);
        }
        // Doubling past 2^40 × first would outgrow any max a person sets, and a Duration's range.
        Duration wait = first.multipliedBy(1L << Math.min(failures - 1, 40));
        return wait.compareTo(max) < 0 ? wait : max;
    }
}
