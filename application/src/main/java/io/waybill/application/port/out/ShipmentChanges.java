package io.waybill.application.port.out;

import io.waybill.domain.CarrierTrackingNumber;
import java.util.Set;

/**
 * Reports of the changes to stored shipments that other instances on the same database commit (registrations and
 * recorded events; not issued numbers, which no one can have looked up yet), so that this instance can keep what it
 * caches coherent with them by a channel that does not depend on the cache's own.
 *
 * <p>Contract: a change is reported soon after its commit, to every listener of every other instance that listens
 * then. Reports may be lost while the channel fails; the listener is told when it works again, since anything may have
 * changed meanwhile. Changes made through this instance are not reported to it: its writers refresh the cache
 * themselves. Thread-safe.
 */
public interface ShipmentChanges {

    /** Reports to {@code listener} from now on, on a thread of the implementation's, one call at a time. */
    void subscribe(Listener listener);

    interface Listener {

        /** The shipments with these numbers changed, and the changes are committed. */
        void changed(Set<CarrierTrackingNumber> numbers);

        /** Reports now arrive, after a time when they may have been lost (also when they start). */
        void mayHaveMissedChanges();
    }

    /** For a database that only this process uses, such as an embedded one: there is nothing to report. */
    static ShipmentChanges none() {
        return listener -> {};
    }
}
