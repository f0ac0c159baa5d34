package io.waybill.application.service;

import io.waybill.application.port.out.ShipmentCache;
import io.waybill.application.port.out.ShipmentChanges;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.CarrierTrackingNumber;
import java.util.Set;

/**
 * Keeps this instance's cache coherent with the changes other instances commit, whatever reaches the cache from
 * them by its own channels (their writers may not reach a shared cache that this instance reads).
 *
 * <p>A few changed numbers are reloaded and offered, as their writer does, rather than evicted: the cache's
 * newest-wins offer then keeps a reader that loaded before the change from caching what it read, where an eviction
 * would let it. Many at once, such as an import's, are evicted in one go, as the importer itself does; their next
 * lookups read the database. When reports may have been missed, what this process holds is dropped. What the cache
 * cannot take now is left to the instance that made the change ({@link ShipmentCache#forChangesMadeElsewhere}).
 * Thread-safe.
 */
public final class CacheCoherence implements ShipmentChanges.Listener {

    /** Reloading costs a read of the database per number and per instance; past this many, numbers are evicted. */
    static final int REFRESHED_AT_MOST = 8;

    private final ShipmentLookup lookup;

    public CacheCoherence(ShipmentRepository shipments, ShipmentCache cache) {
        this.lookup = new ShipmentLookup(shipments, cache.forChangesMadeElsewhere());
    }

    @Override
    public void changed(Set<CarrierTrackingNumber> numbers) {
        if (numbers.size() <= REFRESHED_AT_MOST) {
            numbers.forEach(lookup::refresh);
        } else {
            lookup.forgetAll(numbers);
        }
    }

    @Override
    public void mayHaveMissedChanges() {
        lookup.forgetLocalCopies();
    }
}
