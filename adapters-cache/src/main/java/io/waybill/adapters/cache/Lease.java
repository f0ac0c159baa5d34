package io.waybill.adapters.cache;

import io.waybill.application.port.out.TokenBuckets.Take;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * The tokens this instance took from one shared bucket and has not used yet, so that a busy client costs a call to
 * Redis per lease rather than per request. Tokens leased are gone from the shared bucket, so every instance together
 * never grants more than the bucket holds; a lease left unused (its client moved to another instance) only makes
 * that client wait a little earlier. A refusal is remembered until a token is due, so that a client past its limit
 * costs Redis nothing. Thread-safe.
 */
final class Lease {

    // Leased tokens are taken without a lock, since one busy client's requests all come here at once; the lock only
    // keeps them from asking Redis together. A lock rather than synchronized: a virtual thread waiting on Redis
    // inside synchronized would pin its carrier.
    private final AtomicLong tokens = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long remainingShared;
    private long refusedUntil; // System.nanoTime(); guarded by lock
    private boolean refused; // guarded by lock

    /**
     * Takes a leased token, or leases more with {@code fromRedis}, which returns null when Redis is not to be asked;
     * then this returns null too. Exceptions of {@code fromRedis} pass through.
     */
    Take take(long leaseSize, LongFunction<RedisBuckets.Taken> fromRedis) {
        Take leased = leased();
        if (leased != null) {
            return leased;
        }
        lock.lock();
        try {
            leased = leased(); // leased meanwhile by a request that held the lock
            if (leased != null) {
                return leased;
            }
            long now = System.nanoTime();
            if (refused && now - refusedUntil < 0) {
                return new Take(false, 0, Duration.ofNanos(refusedUntil - now));
            }
            RedisBuckets.Taken taken = fromRedis.apply(leaseSize);
            if (taken == null) {
                return null;
            }
            remainingShared = taken.remaining();
            if (taken.granted() > 0) {
                refused = false;
                tokens.set(taken.granted() - 1);
                return new Take(true, taken.granted() - 1 + taken.remaining(), Duration.ZERO);
            }
            refused = true;
            refusedUntil = now + Duration.ofMillis(taken.millisToToken()).toNanos();
            return new Take(false, 0, Duration.ofMillis(taken.millisToToken()));
        } finally {
            lock.unlock();
        }
    }

    private Take leased() {
        for (long left = tokens.get(); left > 0; left = tokens.get()) {
            if (tokens.compareAndSet(left, left - 1)) {
                return new Take(true, left - 1 + remainingShared, Duration.ZERO);
            }
        }
        return null;
    }
}
