package io.waybill.adapters.persistence;

import io.waybill.domain.CarrierTrackingNumber;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When this instance last learnt of a change to shipments, per tracking number and for all of them: its own writes
 * once committed, and the other instances' ones once announced (both after their commit). {@link ReplicaMonitor} says
 * up to when the replica holds everything the primary held; a read may go to the replica when every change it
 * depends on was learnt before that.
 *
 * <p>Times are {@link ReplicaMonitor#now} nanoseconds. The numbers are forgotten once the replica holds their changes;
 * past {@value #MAX_NUMBERS} waiting at once (a long import with the replica down), all of them are forgotten and every
 * number counts as changed then instead. Thread-safe.
 */
final class RecentChanges {

    static final int MAX_NUMBERS = 100_000;
    private static final long NEVER = -1;

    private final ConcurrentHashMap<CarrierTrackingNumber, Long> byNumber = new ConcurrentHashMap<>();
    private final AtomicLong anyNumber = new AtomicLong(NEVER);
    private final AtomicLong everyNumber = new AtomicLong(NEVER);

    /** The shipments with these numbers changed, and the change was committed before {@code at}. */
    void changed(Collection<CarrierTrackingNumber> numbers, long at) {
        if (numbers.isEmpty()) {
            return;
        }
        for (CarrierTrackingNumber number : numbers) {
            byNumber.merge(number, at, Math::max);
        }
        anyNumber.accumulateAndGet(at, Math::max);
        if (byNumber.size() > MAX_NUMBERS) {
            // Each number's time goes into every number's before the number goes; one changed meanwhile stays.
            byNumber.forEach((changed, when) -> {
                everyNumber.accumulateAndGet(when, Math::max);
                byNumber.remove(changed, when);
            });
        }
    }

    /**
     * Shipments that no lookup can depend on yet (those of newly issued numbers) changed, committed before {@code at}:
     * lists wait for it.
     */
    void anyChanged(long at) {
        anyNumber.accumulateAndGet(at, Math::max);
    }

    /** Any shipment may have changed, committed before {@code at}: reports of changes may have been lost. */
    void changedAll(long at) {
        everyNumber.accumulateAndGet(at, Math::max);
        anyNumber.accumulateAndGet(at, Math::max);
    }

    /** Whether every change to the shipments with this number that this instance knows of was learnt before {@code held}. */
    boolean heldAt(CarrierTrackingNumber number, long held) {
        // The number first: past the bound, its time moves into every number's before it leaves the map, so read the
        // other way round a change could be in neither.
        return byNumber.getOrDefault(number, NEVER) < held && everyNumber.get() < held;
    }

    /** Whether every change to shipments that this instance knows of was learnt before {@code held}. */
    boolean allHeldAt(long held) {
        return anyNumber.get() < held;
    }

    /** Forgets the numbers whose changes were all learnt before {@code held}; a change learnt meanwhile stays. */
    void forgetHeld(long held) {
        byNumber.forEach((number, at) -> {
            if (at < held) {
                byNumber.remove(number, at);
            }
        });
    }

    /** How many numbers wait for the replica. */
    int waiting() {
        return byNumber.size();
    }
}
