package io.waybill.application.service;

import io.waybill.application.port.out.ShipmentCache;
import io.waybill.application.port.out.ShipmentQueries;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.util.Collection;
import java.util.List;

/**
 * Cache-aside lookups by tracking number, and the refresh every write does before it is acknowledged. The cache's
 * newest-wins {@link ShipmentCache#offer} keeps a reader that loaded before a write from caching what it read over
 * what the writer stored. A lookup the cache misses reads through {@link ShipmentQueries}, which a replica may serve; a
 * refresh reads the primary, whose reads see the write just made. Thread-safe.
 */
public final class ShipmentLookup {

    private final ShipmentRepository shipments;
    private final ShipmentQueries queries;
    private final ShipmentCache cache;

    /** Lookups and refreshes both read {@code shipments}: a database without a replica. */
    public ShipmentLookup(ShipmentRepository shipments, ShipmentCache cache) {
        this(shipments, shipments, cache);
    }

    public ShipmentLookup(ShipmentRepository shipments, ShipmentQueries queries, ShipmentCache cache) {
        this.shipments = shipments;
        this.queries = queries;
        this.cache = cache;
    }

    /** Every shipment with this number, from the cache when it has them. */
    List<Shipment> byNumber(CarrierTrackingNumber number) {
        return cache.get(number).orElseGet(() -> {
            List<Shipment> stored = queries.findByNumber(number);
            cache.offer(number, stored);
            return stored;
        });
    }

    /**
     * Drops the cached entries of these numbers, in as few round trips to the cache as it can; for writes too many to
     * reload each, such as an import's.
     */
    void forgetAll(Collection<CarrierTrackingNumber> numbers) {
        if (!numbers.isEmpty()) {
            cache.evictAll(numbers);
        }
    }

    /** Drops what this process holds of the cache, for an instance that may have missed changes made elsewhere. */
    void forgetLocalCopies() {
        cache.forgetLocalCopies();
    }

    /**
     * Loads what is stored now and caches it; called after every write, before it is acknowledged. When the database
     * fails right after the write, the entry is dropped instead and the write still succeeds: it is committed.
     */
    void refresh(CarrierTrackingNumber number) {
        List<Shipment> stored;
        try {
            stored = shipments.findByNumber(number);
        } catch (StorageUnavailableException e) {
            cache.evict(number);
            return;
        }
        cache.offer(number, stored);
    }
}
