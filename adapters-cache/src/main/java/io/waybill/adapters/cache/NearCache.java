package io.waybill.adapters.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Shipments read from Redis, kept decoded in this process, so that a lookup of a number read lately costs no round
 * trip to Redis and no decoding. Served only while it is open: {@link RedisInvalidations} opens it once Redis
 * reports every change to the cache's keys to this process, evicts the number of each change reported, and shuts it
 * when that reporting may have stopped. Thread-safe.
 *
 * <p>A value read from Redis is stored only if no eviction of its number came since it was asked for: a change
 * reported while the value was on its way may be newer than the value. {@link #stamp} is read before asking, and
 * {@link #fill} stores only if the stamp still holds. Stamps are kept per stripe of numbers, so that a change
 * to one number may keep another of its stripe from being stored once; that costs a read of Redis, never a stale
 * answer.
 *
 * <p>Entries live at most {@link #MAX_LIFETIME} (and no longer than the cache's ttl), which bounds how long they may
 * outlive their key in Redis: Redis reports an expiry only when it gets to delete the key.
 */
final class NearCache {

    static final Duration MAX_LIFETIME = Duration.ofSeconds(10);
    private static final int STRIPES = 1024;

    private final CaffeineShipmentCache entries;
    private final AtomicLongArray evictions = new AtomicLongArray(STRIPES);
    private volatile boolean open;

    /** Holds at most {@code settings.maxEntries()} numbers; shut until opened. */
    NearCache(CacheSettings settings) {
        this(settings, CacheMeters.NONE);
    }

    /** {@code meters} count the lookups made while it is open. */
    NearCache(CacheSettings settings, CacheMeters meters) {
        CacheSettings near = new CacheSettings(Optional.empty(), shorter(settings.ttl()),
                shorter(settings.negativeTtl()), settings.redisTimeout(), settings.retryAfter(), settings.keyPrefix(),
                settings.maxEntries());
        this.entries = new CaffeineShipmentCache(near, Ticker.systemTicker(), meters);
    }

    /** The shipments held for {@code number}; empty when none are, or while shut. */
    Optional<List<Shipment>> get(CarrierTrackingNumber number) {
        return open ? entries.get(number) : Optional.empty();
    }

    /** To be read before Redis is asked for {@code number}, and handed to {@link #fill} with what it answered. */
    long stamp(CarrierTrackingNumber number) {
        return evictions.get(stripe(number));
    }

    /** Stores what Redis answered for {@code number}, unless it may be stale: shut, or evicted since the stamp. */
    void fill(CarrierTrackingNumber number, long stamp, List<Shipment> shipments) {
        entries.offer(number, shipments, () -> open && evictions.get(stripe(number)) == stamp);
    }

    void evict(CarrierTrackingNumber number) {
        evictions.incrementAndGet(stripe(number));
        entries.evict(number);
    }

    void evictAll() {
        for (int stripe = 0; stripe < STRIPES; stripe++) {
            evictions.incrementAndGet(stripe);
        }
        entries.clear();
    }

    /** From now on every change to a key of the cache is reported; what was read before may be stale. */
    void open() {
        evictAll();
        open = true;
    }

    /** Changes may no longer be reported. */
    void shut() {
        open = false;
        evictAll();
    }

    boolean isOpen() {
        return open;
    }

    private static int stripe(CarrierTrackingNumber number) {
        return Math.floorMod(number.hashCode(), STRIPES);
    }

    private static Duration shorter(Duration lifetime) {
        return lifetime.compareTo(MAX_LIFETIME) < 0 ? lifetime : MAX_LIFETIME;
    }
}
