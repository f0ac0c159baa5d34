package io.waybill.adapters.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.waybill.application.port.out.TokenBuckets;
import java.time.Duration;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Token buckets in Redis, shared by every instance on the same key prefix, each instance leasing a few tokens at a
 * time ({@link Lease}). While Redis fails, and for {@code retryAfter} after each failure, every instance keeps its
 * own buckets instead: limits then hold per instance rather than in total, and no request waits on Redis or is
 * refused for its outage. Thread-safe.
 */
final class SharedTokenBuckets implements TokenBuckets, AutoCloseable {

    // A lease is the tokens of 50 ms at the limit's rate, at most a tenth of the burst: a busy client asks Redis about
    // 20 times a second whatever its rate, and a lease stranded on an instance is a small part of what it may take.
    private static final long LEASES_A_SECOND = 20;
    private static final long LEASES_A_BURST = 10;
    private static final Duration IDLE_LEASE = Duration.ofMinutes(1);

    private final RedisBuckets redis;
    private final TokenBuckets local;
    private final RedisPause pause;
    private final Cache<String, Lease> leases;

    SharedTokenBuckets(RedisBuckets redis, TokenBuckets local, RedisPause pause, long maxBuckets) {
        this.redis = redis;
        this.local = local;
        this.pause = pause;
        this.leases = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(IDLE_LEASE).build();
    }

    static long leaseSize(Limit limit) {
        return Math.max(1, Math.min(limit.burst() / LEASES_A_BURST, limit.perSecond() / LEASES_A_SECOND));
    }

    @Override
    public Take take(String bucket, Limit limit) {
        if (pause.allows()) {
            try {
                Take take = leases.get(bucket, name -> new Lease()).take(leaseSize(limit), wanted -> {
                    // Asked again here: requests of one client that queued behind a call that failed go local at once.
                    if (!pause.allows()) {
                        return null;
                    }
                    RedisBuckets.Taken taken = redis.take(bucket, limit, wanted);
                    pause.succeeded();
                    return taken;
                });
                if (take != null) {
                    return take;
                }
            } catch (JedisException failure) { // connection lost, timed out, no connection free, or an error reply
                pause.failed(failure);
            }
        }
        return local.take(bucket, limit);
    }

    @Override
    public void close() {
        redis.close();
    }
}
