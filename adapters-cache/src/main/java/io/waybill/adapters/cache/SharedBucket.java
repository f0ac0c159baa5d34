package io.waybill.adapters.cache;

import io.waybill.application.port.out.TokenBuckets.Limit;
import io.waybill.application.port.out.TokenBuckets.Take;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * This instance's share of one client's bucket in Redis: tokens leased from Redis and not used yet, and a little
 * credit for a client new here, spent before Redis has answered and counted there afterwards. Every change to Redis
 * is made by {@link SharedTokenBuckets}'s settlements, in batches, so that a request never waits on Redis while its
 * client has a lease or credit left; one waits only when its client has used up both (a burst), for the settlement
 * already on its way. Thread-safe; no method blocks.
 */
final class SharedBucket {

    /** What a take found: a grant or a refusal, or a settlement to wait for before taking again. */
    record Outcome(Take take, CompletableFuture<Void> settlement, boolean enqueue) {}

    private final String name;
    private final Limit limit;
    private final long leaseSize;
    private final long lowWater; // a lease below this is refilled
    private long leased;
    private long credit;
    private long used; // granted on credit, not yet counted in Redis
    private long remainingShared; // in Redis, as its last answer said
    private long refusedUntil; // System.nanoTime(), while refused is set
    private boolean refused;
    private CompletableFuture<Void> nextSettlement; // set while queued for one

    SharedBucket(String name, Limit limit, long leaseSize, long credit) {
        this.name = name;
        this.limit = limit;
        this.leaseSize = leaseSize;
        this.lowWater = Math.max(1, leaseSize / 4);
        this.credit = credit;
        this.remainingShared = limit.burst() - credit;
    }

    String name() {
        return name;
    }

    Limit limit() {
        return limit;
    }

    synchronized Outcome take(long now) {
        if (refused && now - refusedUntil < 0) {
            return new Outcome(new Take(false, 0, Duration.ofNanos(refusedUntil - now)), null, false);
        }
        refused = false;
        if (leased > 0) {
            leased--;
            boolean enqueue = leased < lowWater && queue();
            return new Outcome(granted(), null, enqueue);
        }
        if (credit > 0) {
            credit--;
            used++;
            boolean enqueue = queue();
            return new Outcome(granted(), null, enqueue);
        }
        boolean enqueue = queue();
        return new Outcome(null, nextSettlement, enqueue);
    }

    /** What to settle now: the credit used, and a lease when this one runs low. Ends the wait in the queue. */
    synchronized BucketClaim claim() {
        long reported = used;
        used = 0;
        return new BucketClaim(name, limit, reported, leased < lowWater ? leaseSize : 0);
    }

    /**
     * The settlement {@link #claim} asked for; {@code now} when Redis answered. Returns the wait it ends, and queues
     * this bucket again when credit was used meanwhile, since no take queued it while the settlement was on its way.
     */
    synchronized Settled settled(ClaimOutcome taken, long now) {
        leased += taken.granted();
        remainingShared = taken.remaining();
        if (taken.granted() == 0 && leased == 0 && taken.millisToToken() > 0) {
            refused = true;
            refusedUntil = now + Duration.ofMillis(taken.millisToToken()).toNanos();
        }
        CompletableFuture<Void> ended = endWait();
        return new Settled(ended, used > 0 && queue());
    }

    /** Redis did not answer the settlement: the credit used stays uncounted, as everything does while it is down. */
    synchronized CompletableFuture<Void> unsettled() {
        used = 0;
        return endWait();
    }

    /** The wait a settlement ended, and whether the bucket is to be settled again. */
    record Settled(CompletableFuture<Void> ended, boolean enqueue) {}

    private CompletableFuture<Void> endWait() {
        CompletableFuture<Void> settlement = nextSettlement;
        nextSettlement = null;
        return settlement;
    }

    /** True when this bucket was not queued for a settlement yet, and now is. */
    private boolean queue() {
        if (nextSettlement != null) {
            return false;
        }
        nextSettlement = new CompletableFuture<>();
        return true;
    }

    private Take granted() {
        return new Take(true, leased + credit + Math.max(0, remainingShared), Duration.ZERO);
    }
}
