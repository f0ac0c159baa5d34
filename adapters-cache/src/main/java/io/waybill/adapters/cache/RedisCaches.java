package io.waybill.adapters.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.waybill.application.port.out.Metrics;
import java.net.URI;

/**
 * The Redis parts of {@link Caches}, wired: the entries and their near cache, kept coherent by Redis's reports of
 * changes (none when the near cache holds nothing), the shared token buckets with their local fallback, and the order
 * in which they close.
 */
final class RedisCaches {

    private RedisCaches() {}

    /** Connects lazily: Redis need not be up. */
    static Caches open(URI url, CacheSettings settings, int staleLimit, Metrics metrics) {
        RedisEntries entries = RedisEntries.connect(url, settings);
        NearCache near = new NearCache(settings, CacheMeters.of(metrics, "near"));
        RedisShipmentCache cache = new RedisShipmentCache(entries, near, settings, CacheSettings.redacted(url),
                staleLimit, CacheMeters.of(metrics, "redis"));
        Runnable stopReports = settings.maxEntries() == 0
                ? () -> {}
                : RedisInvalidations.start(RedisConnections.server(url), RedisConnections.clientConfig(url, settings),
                        RedisEntries.namespace(settings), near, RedisConnections.backgroundTimeout(settings),
                        settings.retryAfter())::close;
        SharedTokenBuckets buckets = new SharedTokenBuckets(RedisBuckets.connect(url, settings),
                new LocalTokenBuckets(LocalTokenBuckets.DEFAULT_MAX_BUCKETS, Ticker.systemTicker()),
                new RedisPause(CacheSettings.redacted(url), settings.retryAfter()),
                LocalTokenBuckets.DEFAULT_MAX_BUCKETS, settings.redisTimeout());
        return new Caches(cache, new CacheProbe(cache::state), buckets, () -> {
            try {
                stopReports.run();
                cache.close();
            } finally {
                entries.close();
                buckets.close();
            }
        });
    }
}
