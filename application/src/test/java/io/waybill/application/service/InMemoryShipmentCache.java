package io.waybill.application.service;

import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The {@link ShipmentCache} contract in memory: the newest offer by generation wins, and entries expire on a clock of
 * the test's (never, unless one is given). It can be told to fail, and then misses and drops what it is offered, so
 * it never serves an entry older than one it failed to replace. It counts hits, misses and calls of {@link #evictAll}
 * and {@link #forgetLocalCopies}.
 */
final class InMemoryShipmentCache implements ShipmentCache {

    private final Map<CarrierTrackingNumber, Entry> entries = new HashMap<>();
    private final Duration ttl;
    private final Duration negativeTtl;
    private final LongSupplier nanos;
    private boolean failing;
    private int hits;
    private int misses;
    private int evictAlls;
    private int localForgets;

    /** A cache whose entries never expire. */
    InMemoryShipmentCache() {
        this(Duration.ofNanos(Long.MAX_VALUE), Duration.ofNanos(Long.MAX_VALUE), () -> 0);
    }

    /** A cache that keeps an entry for {@code ttl}, an empty one for {@code negativeTtl}, as {@code nanos} counts. */
    InMemoryShipmentCache(Duration ttl, Duration negativeTtl, LongSupplier nanos) {
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
        this.nanos = nanos;
    }

    @Override
    public synchronized Optional<List<Shipment>> get(CarrierTrackingNumber number) {
        Optional<List<Shipment>> entry = failing ? Optional.empty() : live(number);
        if (entry.isPresent()) {
            hits++;
        } else {
            misses++;
        }
        return entry;
    }

    @Override
    public synchronized void offer(CarrierTrackingNumber number, List<Shipment> shipments) {
        if (failing) {
            entries.remove(number);
            return;
        }
        Optional<List<Shipment>> cached = live(number);
        if (cached.isEmpty() || ShipmentCache.generation(shipments) >= ShipmentCache.generation(cached.get())) {
            put(number, shipments);
        }
    }

    @Override
    public synchronized void evict(CarrierTrackingNumber number) {
        entries.remove(number);
    }

    @Override
    public synchronized void evictAll(Collection<CarrierTrackingNumber> numbers) {
        evictAlls++;
        numbers.forEach(entries::remove);
    }

    /** Holds nothing in process apart from what it shares, so only counts the call. */
    @Override
    public synchronized void forgetLocalCopies() {
        localForgets++;
    }

    /** Puts an entry whatever its generation, as a cache holding an old entry would. */
    synchronized void put(CarrierTrackingNumber number, List<Shipment> shipments) {
        Duration keptFor = shipments.isEmpty() ? negativeTtl : ttl;
        entries.put(number, new Entry(List.copyOf(shipments), nanos.getAsLong() + keptFor.toNanos()));
    }

    /** What is cached for {@code number}, without counting a hit or miss. */
    synchronized Optional<List<Shipment>> peek(CarrierTrackingNumber number) {
        return live(number);
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

    private Optional<List<Shipment>> live(CarrierTrackingNumber number) {
        Entry entry = entries.get(number);
        if (entry != null && entry.expiresAt() - nanos.getAsLong() <= 0) {
            entries.remove(number);
            return Optional.empty();
        }
        return Optional.ofNullable(entry).map(Entry::shipments);
    }

    private record Entry(List<Shipment> shipments, long expiresAt) {}
}
