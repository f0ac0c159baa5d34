package io.waybill.adapters.cache;

/**
 * What the Redis cache's breaker does before it lets reads back: empties the near cache, since reports of changes may
 * have been lost with the connections, and deletes the entries that failed or skipped writes may have left stale.
 *
 * <p>Up to the stale limit the numbers are deleted one by one; past it they are forgotten, and every entry of this
 * prefix and format is deleted instead (SCAN and UNLINK on the breaker's thread, while lookups go without the cache).
 * That keeps memory bounded and needs nothing on the read path, unlike an epoch in the key, which every instance would
 * have to read before each lookup. The price is a cold cache, and only after long outages.
 */
final class StaleEntriesRecovery implements CircuitBreaker.Recovery {

    private final RedisEntries entries;
    private final NearCache near;

    StaleEntriesRecovery(RedisEntries entries, NearCache near) {
        this.entries = entries;
        this.near = near;
    }

    @Override
    public String recover(StaleNumbers stale) {
        near.evictAll();
        entries.dropIdleConnections();
        String done;
        if (stale.overflowed()) {
            done = "too many numbers failed to update to remember them, so every entry was deleted: "
                    + entries.deleteAll();
        } else {
            entries.delete(stale.numbers());
            done = "entries deleted that may have been stale: " + stale.numbers().size();
        }
        entries.ping();
        return done;
    }
}
