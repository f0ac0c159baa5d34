package io.waybill.adapters.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.waybill.application.port.out.TokenBuckets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Token buckets in this process (Caffeine), at most {@code maxBuckets} of them. A bucket is forgotten a minute after
 * its last use, or once it would be full again if that is later, since a new one starts full: memory follows the
 * clients active lately, not every client ever seen, and a client asking every few seconds keeps its bucket rather
 * than costing a new one each time. Past {@code maxBuckets} the least used go first, which can only hand a client a
 * full bucket early. Thread-safe.
 */
final class LocalTokenBuckets implements TokenBuckets {

    static final long DEFAULT_MAX_BUCKETS = 100_000;

    private static final long UNITS_PER_TOKEN = 1_000_000_000L;
    private static final long MIN_KEEP_NANOS = Duration.ofMinutes(1).toNanos();

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
            return ceilDivide(limit.burst() * UNITS_PER_TOKEN - units, limit.perSecond());
        }

        long nanosToToken() {
            return ceilDivide(UNITS_PER_TOKEN - units, limit.perSecond());
        }
    }

    private static long ceilDivide(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    // One client's requests all take from its bucket at once: a compare-and-set, not a lock, so that none waits.
    private record Holder(AtomicReference<Bucket> state) {

        /**
         * How long to keep the bucket after this access: a minute, or until it would be full again as last written,
         * plus one token's time for a take that may follow the access; more than needed, never less.
         */
        Duration keep() {
            Bucket bucket = state.get();
            long untilFull = bucket.nanosToFill() + ceilDivide(UNITS_PER_TOKEN, bucket.limit().perSecond());
            return Duration.ofNanos(Math.max(MIN_KEEP_NANOS, untilFull));
        }
    }

    private final Ticker ticker;
    private final Cache<String, Holder> buckets;

    LocalTokenBuckets(long maxBuckets, Ticker ticker) {
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Holder>accessing((name, holder) -> holder.keep()))
                .build();
    }

    @Override
    public Take take(String name, Limit limit) {
        if (limit.burst() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a burst of at most 2^31 - 1 tokens is supported; got " + limit.burst());
        }
        long now = ticker.read();
        Holder holder = buckets.get(name, key -> new Holder(new AtomicReference<>(full(limit, now))));
        while (true) {
            Bucket current = holder.state().get();
            Bucket refilled = current.limit().equals(limit) ? current.refilled(now) : full(limit, now);
            if (!refilled.hasToken()) {
                return new Take(false, 0, Duration.ofNanos(refilled.nanosToToken()));
            }
            Bucket taken = refilled.taken();
            if (holder.state().compareAndSet(current, taken)) {
                return new Take(true, taken.units() / UNITS_PER_TOKEN, Duration.ZERO);
            }
        }
    }

    private static Bucket full(Limit limit, long now) {
        return new Bucket(limit.burst() * UNITS_PER_TOKEN, now, limit);
    }

    /** For tests: how many buckets are held, after {@link #cleanUp}. */
    long size() {
        return buckets.estimatedSize();
    }

    void cleanUp() {
        buckets.cleanUp();
    }
}
