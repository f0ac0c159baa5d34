package io.waybill.adapters.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.waybill.application.port.out.TokenBuckets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Token buckets in Redis, shared by every instance on the same key prefix. A request takes from what this instance
 * holds of its client's bucket ({@link SharedBucket}): a lease of tokens already taken from Redis, or, for a client
 * new here, a little credit. One thread settles with Redis behind the requests, every bucket that needs it in one
 * call: credit used is counted, low leases are refilled. So a client far below its limit, as nearly every client is,
 * costs Redis a small part of a call per lease, and its requests never wait on Redis; a client that bursts past what
 * this instance holds waits for the settlement on its way. Every token granted is counted in Redis, so the limit
 * holds in total, give or take the credit: at most {@code burst / 10} tokens a client per instance it is new to.
 *
 * <p>While Redis fails, and for {@code retryAfter} after each failure, every instance keeps its own buckets instead:
 * limits then hold per instance rather than in total, and no request waits on Redis or is refused for its outage.
 * Thread-safe.
 */
final class SharedTokenBuckets implements TokenBuckets, AutoCloseable {

    // A lease is at most half the burst: a client far below its limit costs a settlement per half burst (one per 50
    // requests by default) wherever its requests land; near the limit leases shrink to a token (RedisBuckets leases at
    // most half of what is left), so that few tokens are stranded on an instance the client no longer uses.
    private static final long LEASES_A_BURST = 2;
    private static final long CREDITS_A_BURST = 10;
    private static final int MOST_A_SETTLEMENT = 500;
    private static final Duration IDLE_BUCKET = Duration.ofMinutes(1);

    private final RedisBuckets redis;
    private final TokenBuckets local;
    private final RedisPause pause;
    private final Duration patience;
    private final Cache<String, SharedBucket> buckets;
    private final LinkedBlockingQueue<SharedBucket> unsettled = new LinkedBlockingQueue<>();
    private final Thread settler;
    private volatile boolean closed;

    /** @param patience how long a request may wait for a settlement: about Redis's timeout */
    SharedTokenBuckets(RedisBuckets redis, TokenBuckets local, RedisPause pause, long maxBuckets, Duration patience) {
        this.redis = redis;
        this.local = local;
        this.pause = pause;
        this.patience = patience;
        this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(IDLE_BUCKET).build();
        this.settler = new Thread(this::settleUntilClosed, "waybill-rate-limit-settler");
        settler.setDaemon(true);
        settler.start();
    }

    static long leaseSize(Limit limit) {
        return Math.max(1, limit.burst() / LEASES_A_BURST);
    }

    static long credit(Limit limit) {
        return Math.max(1, limit.burst() / CREDITS_A_BURST);
    }

    @Override
    public Take take(String name, Limit limit) {
        // Three rounds: a settlement already on its way may have been asked for no lease, and the next one's lease
        // may go to other requests of the same client first. A client still without a token after that is bursting
        // hard, and asked to come back shortly.
        for (int round = 0; round < 3; round++) {
            if (!pause.allows()) {
                return local.take(name, limit);
            }
            SharedBucket bucket = buckets.get(name, key -> new SharedBucket(key, limit, leaseSize(limit), credit(limit)));
            SharedBucket.Outcome outcome = bucket.take(System.nanoTime());
            if (outcome.enqueue()) {
                unsettled.add(bucket);
            }
            if (outcome.take() != null) {
                return outcome.take();
            }
            if (!awaited(outcome.settlement())) {
                return local.take(name, limit); // Redis too slow to answer: as if it failed
            }
        }
        return new Take(false, 0, Duration.ofNanos(Math.max(1, 1_000_000_000L / limit.perSecond())));
    }

    private boolean awaited(CompletableFuture<Void> settlement) {
        try {
            settlement.get(patience.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private void settleUntilClosed() {
        List<SharedBucket> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(unsettled.take());
            } catch (InterruptedException e) {
                return; // closed
            }
            unsettled.drainTo(batch, MOST_A_SETTLEMENT - 1);
            settle(batch);
            batch.clear();
        }
    }

    private void settle(List<SharedBucket> batch) {
        List<BucketClaim> claims = new ArrayList<>(batch.size());
        for (SharedBucket bucket : batch) {
            claims.add(bucket.claim());
        }
        List<ClaimOutcome> results = null;
        if (pause.allows()) {
            try {
                results = redis.settle(claims);
                pause.succeeded();
            } catch (RuntimeException failure) { // connection lost, timed out, no connection free, or an error reply
                pause.failed(failure);
            }
        }
        long now = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            SharedBucket bucket = batch.get(i);
            if (results == null) {
                bucket.unsettled().complete(null);
            } else {
                SharedBucket.Settled settled = bucket.settled(results.get(i), now);
                settled.ended().complete(null);
                if (settled.enqueue()) {
                    unsettled.add(bucket);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        settler.interrupt();
        try {
            settler.join(patience.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        redis.close();
    }
}
