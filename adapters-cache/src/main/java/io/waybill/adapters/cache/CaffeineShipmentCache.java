package io.waybill.adapters.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Shipments cached in this process, for one instance alone, its hits and misses counted. Never fails. Thread-safe. */
final class CaffeineShipmentCache implements ShipmentCache {

    private final Cache<CarrierTrackingNumber, Entry> entries;
    private final Ticker ticker;
    private final long ttlNanos;
    private final long negativeTtlNanos;
    private final CacheMeters meters;

    CaffeineShipmentCache(CacheSettings settings, Ticker ticker) {
        this(settings, ticker, CacheMeters.NONE);
    }

    CaffeineShipmentCache(CacheSettings settings, Ticker ticker, CacheMeters meters) {
        this.ticker = ticker;
        this.meters = meters;
        this.ttlNanos = settings.ttl().toNanos();
        this.negativeTtlNanos = settings.negativeTtl().toNanos();
        this.entries = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(settings.maxEntries())
                .expireAfter(new UntilDeadline())
                .build();
    }

    @Override
    public Optional<List<Shipment>> get(CarrierTrackingNumber number) {
        Entry entry = entries.getIfPresent(number);
        if (entry == null) {
            meters.misses().increment();
            return Optional.empty();
        }
        meters.hits().increment();
        return Optional.of(entry.shipments());
    }

    @Override
    public void offer(CarrierTrackingNumber number, List<Shipment> shipments) {
        offer(number, shipments, () -> true);
    }

    /**
     * {@link #offer}, if {@code stillValid} holds when the entry is stored: it is asked while no other offer or
     * eviction of the number can run, so that an eviction that makes it false either comes after the entry is stored,
     * and removes it, or keeps it from being stored.
     */
    void offer(CarrierTrackingNumber number, List<Shipment> shipments, BooleanSupplier stillValid) {
        long generation = ShipmentCache.generation(shipments);
        long lifetime = shipments.isEmpty() ? negativeTtlNanos : ttlNanos;
        Entry offered = new Entry(List.copyOf(shipments), generation, ticker.read() + lifetime);
        // compute runs atomically per key, and treats an expired entry as absent.
        entries.asMap().compute(number, (key, cached) -> {
            if (!stillValid.getAsBoolean()) {
                return cached;
            }
            return cached != null && cached.generation() > generation ? cached : offered;
        });
    }

    @Override
    public void evict(CarrierTrackingNumber number) {
        entries.invalidate(number);
    }

    @Override
    public void evictAll(Collection<CarrierTrackingNumber> numbers) {
        entries.invalidateAll(numbers);
    }

    @Override
    public void forgetLocalCopies() {
        clear();
    }

    void clear() {
        entries.invalidateAll();
    }

    private record Entry(List<Shipment> shipments, long generation, long deadlineNanos) {}

    // Each entry carries its own deadline, set when it was offered. A compute that keeps the cached entry counts as
    // an update to Caffeine; reading the deadline from the entry keeps such an update from extending its life.
    private static final class UntilDeadline implements Expiry<CarrierTrackingNumber, Entry> {

        @Override
        public long expireAfterCreate(CarrierTrackingNumber number, Entry entry, long now) {
            return Math.max(0, entry.deadlineNanos() - now);
        }

        @Override
        public long expireAfterUpdate(CarrierTrackingNumber number, Entry entry, long now, long remaining) {
            return Math.max(0, entry.deadlineNanos() - now);
        }

        @Override
        public long expireAfterRead(CarrierTrackingNumber number, Entry entry, long now, long remaining) {
            return remaining;
        }
    }
}
