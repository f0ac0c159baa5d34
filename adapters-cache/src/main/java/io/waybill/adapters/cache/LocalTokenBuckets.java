package io.waybill.adapters.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.waybill.application.port.out.TokenBuckets;
import java.time.Duration;

/**
 * Token buckets in this process (Caffeine), at most {@code maxBuckets} of them. A bucket is forgotten once it would
 * be full again, since a new one starts full: memory follows the clients active lately, not every client ever seen.
 * Past {@code maxBuckets} the least used go first, which can only hand a client a full bucket early. Thread-safe.
 */
final class LocalTokenBuckets implements TokenBuckets {

    static final long DEFAULT_MAX_BUCKETS = 100_000;

    private static final long UNITS_PER_TOKEN = 1_000_000_000L;

    /**
     * Tokens in billionths, so that a bucket gains {@code perSecond} units a nanosecond and the arithmetic is exact;
     * {@code at} is the ticker's time of the last change. A burst of up to 2^31 tokens fits in a long.
     */
    private record Bucket(long units, long at, Limit limit) {

        Bucket refilled(long now) {
            long elapsed = Math.max(0, now - at);
            long full = limit.burst() * UNITS_PER_TOKEN;
            return new Bucket(elapsed >= nanosToFill() ? full : units + elapsed * limit.perSecond(), now, limit);
        }

        Bucket taken() {
            return new Bucket(units - UNITS_PER_TOKEN, at, limit);
        }

        boolean hasToken() {
            return units >= UNITS_PER_TOKEN;
        }

        long nanosToFill() {
            return ceilDiv(limit.burst() * UNITS_PER_TOKEN - units, limit.perSecond());
        }

        long nanosToToken() {
            return ceilDiv(UNITS_PER_TOKEN - units, limit.perSecond());
        }

        private static long ceilDiv(long dividend, long divisor) {
            return -Math.floorDiv(-dividend, divisor);
        }
    }

    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    LocalTokenBuckets(long maxBuckets, Ticker ticker) {
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Bucket>writing((bucket, state) -> Duration.ofNanos(state.nanosToFill())))
                .build();
    }

    @Override
    public Take take(String name, Limit limit) {
        if (limit.burst() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a burst of at most 2^31 - 1 tokens is supported; got " + limit.burst());
        }
        long now = ticker.read();
        boolean[] granted = new boolean[1];
        Bucket after = buckets.asMap().compute(name, (key, bucket) -> {
            Bucket current = bucket == null || !bucket.limit().equals(limit)
                    ? new Bucket(limit.burst() * UNITS_PER_TOKEN, now, limit)
                    : bucket.refilled(now);
            granted[0] = current.hasToken();
            return granted[0] ? current.taken() : current;
        });
        return granted[0]
                ? new Take(true, after.units() / UNITS_PER_TOKEN, Duration.ZERO)
                : new Take(false, 0, Duration.ofNanos(after.nanosToToken()));
    }

    /** For tests: how many buckets are held, after {@link #cleanUp}. */
    long size() {
        return buckets.estimatedSize();
    }

    void cleanUp() {
        buckets.cleanUp();
    }
}
