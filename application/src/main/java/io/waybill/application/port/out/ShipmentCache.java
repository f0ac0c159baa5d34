package io.waybill.application.port.out;

import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Lookups by tracking number, cached: for each number, every shipment with it (an empty list when there is none).
 *
 * <p>Contract: a cache never fails its caller. When it cannot answer (its server is down or slow) {@link #get}
 * reports a miss and {@link #offer}, {@link #evict} and {@link #evictAll} do nothing, and it must then never serve an
 * entry older than one it failed to replace or drop. An entry is kept for a configured time, an empty one for a short
 * time. Thread-safe.
 */
public interface ShipmentCache {

    /** The cached shipments with this number, or empty on a miss. */
    Optional<List<Shipment>> get(CarrierTrackingNumber number);

    /**
     * Caches {@code shipments} as every shipment with {@code number}, unless what is cached is newer: entries are
     * compared by {@link #generation}. Readers offer what they loaded, writers what they stored, in any order;
     * the newest wins.
     */
    void offer(CarrierTrackingNumber number, List<Shipment> shipments);

    /**
     * Drops what is cached for {@code number}, for a writer that could not load what it stored. A reader that loaded
     * before the write may still offer what it read afterwards; {@link #offer} with the stored state is preferred.
     */
    void evict(CarrierTrackingNumber number);

    /**
     * {@link #evict} for each of {@code numbers}, in as few round trips as the cache can: for writers of many
     * shipments at once, such as an import. The same contract holds for each number as for {@link #evict}.
     */
    void evictAll(Collection<CarrierTrackingNumber> numbers);

    /**
     * Drops whatever this process holds of the cache, leaving a store shared with other instances alone: for an
     * instance that may have missed reports of changes made elsewhere, which the shared store got from their writers.
     */
    void forgetLocalCopies();

    /**
     * This cache, for applying changes that another instance made: the same entries, and the same contract, except
     * that an offer or eviction the cache cannot carry out now is not remembered for later, since the instance that
     * made the change answers for that, and does. The cache itself when it remembers nothing.
     */
    default ShipmentCache forChangesMadeElsewhere() {
        return this;
    }

    /**
     * How far the shipments with one number have got: grows with every shipment added and every change stored,
     * since each change raises a shipment's version. 0 for none.
     */
    static long generation(List<Shipment> shipments) {
        return shipments.stream().mapToLong(shipment -> shipment.version() + 1).sum();
    }
}
