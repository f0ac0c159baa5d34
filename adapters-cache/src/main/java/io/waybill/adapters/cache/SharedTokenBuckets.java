package io.waybill.adapters.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.waybill.application.port.out.TokenBuckets;
import io.waybill.application.support.DaemonThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Token buckets in Redis, shared by every instance on the same key prefix. A request takes from its instance's credit
 * for its client ({@link SharedBucket}): at most a quarter of the burst, granted without asking Redis. One thread
 * settles with Redis behind the requests, every bucket that needs it in one call (gathered for up to 10 ms, or at
 * once when a request waits): the tokens used are counted, and the credit renewed from what the bucket still holds.
 * So a client far below its limit, as nearly every client is, costs Redis a small part of a call every few requests,
 * and its requests never wait on Redis; a client that bursts past its credit waits for the settlement on its way.
 * The limit holds in total, give or take the credits: at most a quarter of the burst per instance.
 *
 * <p>While Redis fails, or takes longer than {@link RedisConnections#backgroundTimeout} to settle, and for
 * {@code retryAfter} after each failure, every instance keeps its own buckets instead: limits then hold per instance
 * rather than in total, and no request is refused for Redis's outage. A request waits for a settlement two Redis
 * timeouts at most, and none while a call to Redis has taken longer than that already: past that it takes from its
 * instance's own bucket for the client, and the token is counted in Redis at the next settlement. Redis slow for a
 * moment, as it is when it shares a loaded machine, thus costs a bursting client that wait at most, and nobody the
 * shared limits. Thread-safe.
 */
final class SharedTokenBuckets implements TokenBuckets, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedTokenBuckets.class);
    private static final long CREDITS_A_BURST = 4;
    private static final int MOST_A_SETTLEMENT = 500;
    private static final Duration GATHERING = Duration.ofMillis(10);
    private static final Duration IDLE_BUCKET = Duration.ofMinutes(1);

    private final RedisBuckets redis;
    private final TokenBuckets local;
    private final RedisPause pause;
    private final Duration patience;
    private final Cache<String, SharedBucket> buckets;
    private final LinkedBlockingQueue<SharedBucket> unsettled = new LinkedBlockingQueue<>();
    private final Thread settler;
    private volatile boolean closed;
    private volatile boolean urgent; // a request waits for the next settlement
    private volatile long settlingSince; // System.nanoTime() when the call to Redis on its way began; 0 when none is

    /** @param redisTimeout a request waits for a settlement two of these at most */
    SharedTokenBuckets(RedisBuckets redis, TokenBuckets local, RedisPause pause, long maxBuckets,
            Duration redisTimeout) {
        this.redis = redis;
        this.local = local;
        this.pause = pause;
        this.patience = redisTimeout.multipliedBy(2);
        this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(IDLE_BUCKET)
                .executor(Runnable::run).build();
        this.settler = DaemonThreads.thread("waybill-rate-limit-settler", this::settleUntilClosed);
        settler.start();
    }

    private static long credit(Limit limit) {
        return Math.max(1, limit.burst() / CREDITS_A_BURST);
    }

    @Override
    public Take take(String name, Limit limit) {
        // Three rounds: the settlement on its way may bring too little credit for every request of a client waiting on
        // it. A client still without a token after that is bursting hard, and asked to come back shortly.
        for (int round = 0; round < 3; round++) {
            if (closed || !pause.allows()) {
                return local.take(name, limit);
            }
            SharedBucket bucket = buckets.get(name, key -> new SharedBucket(key, limit, credit(limit)));
            TakeOutcome outcome = bucket.take(System.nanoTime());
            if (outcome.enqueue()) {
                unsettled.add(bucket);
            }
            if (outcome.take() != null) {
                return outcome.take();
            }
            if (overdue() || !awaitedUrgently(outcome.settlement())) {
                return takeLocally(bucket, name, limit);
            }
        }
        return new Take(false, 0, Duration.ofNanos(Math.max(1, 1_000_000_000L / limit.perSecond())));
    }

    /** True while a call to Redis has been on its way longer than a request may wait for it: Redis stalls. */
    private boolean overdue() {
        long since = settlingSince;
        return since != 0 && System.nanoTime() - since > patience.toNanos();
    }

    /**
     * A token from this instance's own bucket for the client, while Redis is slow: counted on the shared bucket too,
     * so that Redis has it at the next settlement and the limit still holds in total.
     */
    private Take takeLocally(SharedBucket bucket, String name, Limit limit) {
        Take take = local.take(name, limit);
        if (take.granted()) {
            bucket.grantedLocally();
        }
        return take;
    }

    private boolean awaitedUrgently(CompletableFuture<Void> settlement) {
        urgent = true;
        LockSupport.unpark(settler);
        try {
            settlement.get(patience.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false; // the settlement goes on, and fails Redis if it takes too long
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private void settleUntilClosed() {
        List<SharedBucket> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(unsettled.take());
                gather();
                unsettled.drainTo(batch, MOST_A_SETTLEMENT - 1);
                settle(batch);
            } catch (InterruptedException e) {
                break; // closed
            } catch (Throwable bug) { // the settler must outlive anything, or every burst would wait in vain
                LOG.error("Settling rate limits with Redis failed unexpectedly; limits are kept locally meanwhile",
                        bug);
                pause.failed(new IllegalStateException(bug.toString()));
                batch.forEach(bucket -> bucket.unsettled().complete(null));
            } finally {
                batch.clear();
            }
        }
        unsettled.drainTo(batch);
        batch.forEach(bucket -> bucket.unsettled().complete(null));
    }

    /**
     * Waits up to {@link #GATHERING} for more buckets to settle in the same call, unless a request waits or a call's
     * worth is queued: credit is renewed at a quarter, long before a client asking at its limit runs out, and one call
     * for many clients costs Redis and this process far less than a call each.
     */
    private void gather() throws InterruptedException {
        long deadline = System.nanoTime() + GATHERING.toNanos();
        for (long left = GATHERING.toNanos(); left > 0 && !urgent && unsettled.size() < MOST_A_SETTLEMENT;
                left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        urgent = false;
    }

    private void settle(List<SharedBucket> batch) {
        List<BucketClaim> claims = new ArrayList<>(batch.size());
        for (SharedBucket bucket : batch) {
            claims.add(bucket.claim());
        }
        List<BucketBalance> left = null;
        if (pause.allows()) {
            settlingSince = System.nanoTime();
            try {
                left = redis.settle(claims);
                pause.succeeded();
            } catch (JedisException failure) { // connection lost, timed out, no connection free, or an error reply
                pause.failed(failure);
            } finally {
                settlingSince = 0;
            }
        }
        long now = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            SharedBucket bucket = batch.get(i);
            if (left == null) {
                bucket.unsettled().complete(null);
                continue;
            }
            SettlementEnd settled = bucket.settled(left.get(i), now);
            settled.ended().complete(null);
            if (settled.enqueue()) {
                unsettled.add(bucket);
            }
        }
    }

    /** Stops settling: requests still waiting, and any after, use the local buckets. */
    @Override
    public void close() {
        closed = true;
        settler.interrupt();
        try {
            settler.join(redis.timeout().toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        redis.close();
    }
}
