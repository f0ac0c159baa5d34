package io.waybill.adapters.cache;

import io.waybill.domain.CarrierTrackingNumber;
import java.util.HashSet;
import java.util.Set;

/**
 * The numbers whose Redis entry may be older than shipments this instance failed to store there, so that their
 * entries are deleted before Redis is read again. Past {@code limit} numbers it remembers only that there were too
 * many, and then every entry is deleted. Not thread-safe: {@link CircuitBreaker} guards it.
 */
final class StaleNumbers {

    private final int limit;
    private final Set<CarrierTrackingNumber> numbers = new HashSet<>();
    private boolean overflowed;

    StaleNumbers(int limit) {
        this.limit = limit;
    }

    void add(CarrierTrackingNumber number) {
        if (!overflowed) {
            numbers.add(number);
            if (numbers.size() > limit) {
                overflowed = true;
                numbers.clear();
            }
        }
    }

    void addAll(StaleNumbers other) {
        if (other.overflowed) {
            overflowed = true;
            numbers.clear();
        } else {
            other.numbers.forEach(this::add);
        }
    }

    /** Whether there were more numbers than the limit, so that only deleting every entry is safe. */
    boolean overflowed() {
        return overflowed;
    }

    /** Empty when {@link #overflowed}. */
    Set<CarrierTrackingNumber> numbers() {
        return Set.copyOf(numbers);
    }
}
