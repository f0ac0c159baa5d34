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

    private static final long MIN_KEEP_NANOS = Duration.ofMinutes(1).toNanos();

    // One client's requests all take from its bucket at once: a compare-and-set, not a lock, so that none waits.
    private record Holder(AtomicReference<LocalBucket> state) {

        /**
         * How long to keep the bucket after this access: a minute, or until it would be full again as last written,
         * plus one token's time for a take that may follow the access; more than needed, never less.
         */
        Duration keep() {
            LocalBucket bucket = state.get();
            long untilFull = bucket.nanosToFill() + bucket.nanosPerToken();
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
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Take take(String name, Limit limit) {
        if (limit.burst() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a burst of at most 2^31 - 1 tokens is supported; got " + limit.burst());
        }
        long now = ticker.read();
        Holder holder = buckets.get(name, key -> new Holder(new AtomicReference<>(LocalBucket.full(limit, now))));
        while (true) {
            LocalBucket current = holder.state().get();
            LocalBucket refilled = current.limit().equals(limit) ? current.refilled(now) : LocalBucket.full(limit, now);
            if (!refilled.hasToken()) {
                return new Take(false, 0, Duration.ofNanos(refilled.nanosToToken()));
            }
            LocalBucket taken = refilled.taken();
            if (holder.state().compareAndSet(current, taken)) {
                return new Take(true, taken.tokens(), Duration.ZERO);
            }
        }
    }

    /** For tests: how many buckets are held, after {@link #cleanUp}. */
    long size() {
        return buckets.estimatedSize();
    }

    void cleanUp() {
        buckets.cleanUp();
    }
}
