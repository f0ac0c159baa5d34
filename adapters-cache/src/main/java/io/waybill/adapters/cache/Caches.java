package io.waybill.adapters.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.ShipmentCache;
import io.waybill.application.port.out.TokenBuckets;
import java.net.URI;

/**
 * Waybill's shipment cache: in Redis, shared by every instance, when the settings name a server, with the numbers
 * read lately also held in this process (a near cache of at most {@code maxEntries} numbers, kept coherent by Redis's
 * reports of changes; none when it is 0); else in this process alone (Caffeine). The token buckets of rate limits
 * live in the same place: shared in Redis, else in this process.
 *
 * <p>Lifecycle: {@link #open} never waits for Redis, and succeeds while it is down: the cache then answers misses
 * until Redis is back, and its probe says {@code DEGRADED}. {@link #close} stops the retries and closes the
 * connections. Thread-safe.
 */
public final class Caches implements AutoCloseable {

    /** How many numbers to remember for deletion while Redis fails; past it, all entries are deleted instead. */
    static final int STALE_LIMIT = 10_000;

    private final ShipmentCache shipments;
    private final ComponentProbe probe;
    private final Runnable closing;
    private final TokenBuckets tokenBuckets;

    Caches(ShipmentCache shipments, ComponentProbe probe, TokenBuckets tokenBuckets, Runnable closing) {
        this.shipments = shipments;
        this.probe = probe;
        this.tokenBuckets = tokenBuckets;
        this.closing = closing;
    }

    /** Opens the cache the settings describe; with Redis, connections are opened when first needed. */
    public static Caches open(CacheSettings settings) {
        return open(settings, Metrics.NONE);
    }

    /**
     * {@link #open(CacheSettings)}, counting each layer's hits and misses in {@code waybill.cache.gets}
     * ({@link CacheMeters}): {@code near} and {@code redis} with Redis, {@code in-process} without.
     */
    public static Caches open(CacheSettings settings, Metrics metrics) {
        return settings.redisUrl()
                .map(url -> RedisCaches.open(url, settings, STALE_LIMIT, metrics))
                .orElseGet(() -> inProcess(settings, Ticker.systemTicker(), metrics));
    }

    public ShipmentCache shipments() {
        return shipments;
    }

    /** The buckets that rate limits are kept in: in Redis, shared, when it is configured; in this process else. */
    public TokenBuckets tokenBuckets() {
        return tokenBuckets;
    }

    /** Named {@code cache}: UP, or DEGRADED while Redis fails; never DOWN, since lookups work without a cache. */
    public ComponentProbe probe() {
        return probe;
    }

    @Override
    public void close() {
        closing.run();
    }

    static Caches inProcess(CacheSettings settings, Ticker ticker) {
        return inProcess(settings, ticker, Metrics.NONE);
    }

    static Caches inProcess(CacheSettings settings, Ticker ticker, Metrics metrics) {
        ShipmentCache cache = settings.maxEntries() == 0 ? new NoShipmentCache()
                : new CaffeineShipmentCache(settings, ticker, CacheMeters.of(metrics, "in-process"));
        return new Caches(cache, new CacheProbe(() -> ComponentProbe.State.UP),
                new LocalTokenBuckets(LocalTokenBuckets.DEFAULT_MAX_BUCKETS, ticker), () -> {});
    }

    /** The Redis cache and buckets, as {@link RedisCaches} wires them. */
    static Caches redis(URI url, CacheSettings settings, int staleLimit) {
        return RedisCaches.open(url, settings, staleLimit, Metrics.NONE);
    }
}
