package io.waybill.application.service;

import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.Shipment;
import io.waybill.domain.TrackingCode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ShipmentCache} contract in memory, without expiry: the newest offer by generation wins. It can be told
 * to fail, and then misses and drops what it is offered, so it never serves an entry older than one it failed to
 * replace. It counts hits, misses and calls of {@link #evictAll}
 * and {@link #forgetLocalCopies}.
 */
final class InMemoryShipmentCache implements ShipmentCache {

    private final Map<TrackingCode, List<Shipment>> entries = new HashMap<>();
    private boolean failing;
    private int hits;
    private int misses;
    private int evictAlls;
    private int localForgets;

    @Override
    public synchronized Optional<List<Shipment>> get(TrackingCode number) {
        Optional<List<Shipment>> entry = failing ? Optional.empty() : Optional.ofNullable(entries.get(number));
        if (entry.isPresent()) {
            hits++;
        } else {
            misses++;
        }
        return entry;
    }

    @Override
    public synchronized void offer(TrackingCode number, List<Shipment> shipments) {
        if (failing) {
            entries.remove(number);
            return;
        }
        List<Shipment> cached = entries.get(number);
        if (cached == null || ShipmentCache.generation(shipments) >= ShipmentCache.generation(cached)) {
            entries.put(number, List.copyOf(shipments));
        }
    }

    @Override
    public synchronized void evict(TrackingCode number) {
        entries.remove(number);
    }

    @Override
    public synchronized void evictAll(Collection<TrackingCode> numbers) {
        evictAlls++;
        numbers.forEach(entries::remove);
    }

    /** Holds nothing in process apart from what it shares, so only counts the call. */
    @Override
    public synchronized void forgetLocalCopies() {
        localForgets++;
    }

    /** Puts an entry whatever its generation, as a cache holding an old entry would. */
    synchronized void put(TrackingCode number, List<Shipment> shipments) {
        entries.put(number, List.copyOf(shipments));
    }

    /** What is cached for {@code number}, without counting a hit or miss. */
    synchronized Optional<List<Shipment>> peek(TrackingCode number) {
        return Optional.ofNullable(entries.get(number));
    }

    synchronized void failing(boolean fail) {
        failing = fail;
    }

    synchronized int hits() {
        return hits;
    }

    synchronized int misses() {
        return misses;
    }

    synchronized int evictAlls() {
        return evictAlls;
    }

    synchronized int localForgets() {
        return localForgets;
    }
}
