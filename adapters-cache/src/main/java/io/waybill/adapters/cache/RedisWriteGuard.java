package io.waybill.adapters.cache;

import io.waybill.domain.CarrierTrackingNumber;
import java.util.Collection;
import java.util.List;

/**
 * Writes to Redis past the breaker: which are skipped while it is open, and what a failed one leaves behind. A guard
 * that remembers failed writes has their numbers' entries deleted before Redis is read again; one that does not leaves
 * that to the instance that made the change. Thread-safe.
 */
final class RedisWriteGuard {

    private final RedisEntries entries;
    private final CircuitBreaker breaker;
    private final boolean remembersFailedWrites;

    RedisWriteGuard(RedisEntries entries, CircuitBreaker breaker, boolean remembersFailedWrites) {
        this.entries = entries;
        this.breaker = breaker;
        this.remembersFailedWrites = remembersFailedWrites;
    }

    boolean remembersFailedWrites() {
        return remembersFailedWrites;
    }

    /** The same entries and breaker; failed writes are not remembered. */
    RedisWriteGuard forgettingFailedWrites() {
        return new RedisWriteGuard(entries, breaker, false);
    }

    /**
     * While the breaker is open: remembered, so that the entry is deleted before Redis is read again, unless that is
     * left to the instance that made the change.
     */
    boolean skipped(CarrierTrackingNumber number) {
        return !breaker.allowsWrites() && (!remembersFailedWrites || breaker.skip(number));
    }

    /** Opens the breaker, remembering the numbers if this guard does. */
    void failed(Collection<CarrierTrackingNumber> numbers, RuntimeException e) {
        if (remembersFailedWrites) {
            breaker.failed(numbers, e);
        } else {
            breaker.failed(e);
        }
    }

    /** Deletes the number's entry; a failure counts as a failed write. */
    void delete(CarrierTrackingNumber number) {
        try {
            entries.delete(List.of(number));
        } catch (RuntimeException e) {
            failed(List.of(number), e);
        }
    }
}
