package io.waybill.adapters.cache;

import io.waybill.application.port.out.TokenBuckets.Limit;
import io.waybill.application.port.out.TokenBuckets.Take;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * This instance's view of one client's bucket in Redis: the credit it may still grant without asking (a quarter of
 * the burst at most, never more than Redis last said was left), the tokens granted since it last told Redis, and what
 * Redis last said. Granting never waits; {@link SharedTokenBuckets}'s settlements, in batches behind the requests,
 * count the tokens used in Redis and renew the credit. Every token granted is counted, and no instance grants more
 * than its credit ahead of Redis, so instances together exceed the bucket by at most their credits. A request waits
 * only when its client has used up the credit here (a burst), for the settlement on its way. Thread-safe; no method
 * blocks.
 */
final class SharedBucket {

    private final String name;
    private final Limit limit;
    private final long maxCredit;
    private long credit;
    private long used; // granted since the last claim, not yet counted in Redis
    private long remainingShared; // in Redis, as its last answer said: a full bucket until then
    private long refusedUntil; // System.nanoTime(), while refused is set
    private boolean refused;
    private CompletableFuture<Void> nextSettlement; // set while queued for a settlement or waiting on one

    SharedBucket(String name, Limit limit, long maxCredit) {
        this.name = name;
        this.limit = limit;
        this.maxCredit = maxCredit;
        this.credit = maxCredit;
        this.remainingShared = limit.burst();
    }

    synchronized TakeOutcome take(long now) {
        if (refused && now - refusedUntil < 0) {
            return new TakeOutcome(new Take(false, 0, Duration.ofNanos(refusedUntil - now)), null, false);
        }
        refused = false;
        if (credit > 0) {
            credit--;
            used++;
            boolean enqueue = needsRenewal() && queue();
            long remaining = Math.min(limit.burst(), Math.max(0, remainingShared - used));
            return new TakeOutcome(new Take(true, remaining, Duration.ZERO), null, enqueue);
        }
        boolean enqueue = queue();
        return new TakeOutcome(null, nextSettlement, enqueue);
    }

    /** A token granted from the instance's own bucket while Redis was slow: told to Redis with the rest. */
    synchronized void grantedLocally() {
        used++;
    }

    /** What to tell Redis now: the tokens used since the last claim. */
    synchronized BucketClaim claim() {
        long reported = used;
        used = 0;
        return new BucketClaim(name, limit, reported);
    }

    /**
     * Redis's answer to {@link #claim}, {@code now} when it came: the credit renewed from what is left, less what was
     * used meanwhile, or a refusal until a token is due. Queues the bucket again when it already needs renewing.
     */
    synchronized SettlementEnd settled(BucketBalance left, long now) {
        remainingShared = left.tokens();
        // Half of what is left at most (a token at least): instances renewing from the same answer cannot both spend
        // all of it, so near the limit the total overshoots by a token an instance at most.
        long share = left.tokens() < 1 ? 0 : Math.max(1, left.tokens() / 2);
        credit = Math.max(0, Math.min(maxCredit, share) - used);
        if (credit == 0 && left.millisToToken() > 0) {
            refused = true;
            refusedUntil = now + Duration.ofMillis(left.millisToToken()).toNanos();
        }
        CompletableFuture<Void> ended = endWait();
        return new SettlementEnd(ended, needsRenewal() && used > 0 && queue());
    }

    /**
     * Down to a quarter, or a token: renewed before it runs out, so that a client asking steadily never waits. With the
     * defaults that quarter, 6 tokens, lasts a client at its limit 120 ms, against the 10 ms a settlement gathers;
     * renewing any earlier would only send more settlements (at half, as at first, a client far below its limit
     * cost a settlement every 13 requests rather than every 19, each about 5 us of Redis's time).
     */
    private boolean needsRenewal() {
        return credit <= Math.max(1, maxCredit / 4);
    }

    /**
     * Redis did not answer: what was used stays uncounted, as everything does while Redis is down, and the credit
     * stays as it is; requests go to the local buckets meanwhile. Ends the wait of the requests on the settlement.
     */
    synchronized CompletableFuture<Void> unsettled() {
        used = 0;
        return endWait();
    }

    private CompletableFuture<Void> endWait() {
        CompletableFuture<Void> settlement = nextSettlement;
        nextSettlement = null;
        return settlement == null ? CompletableFuture.completedFuture(null) : settlement;
    }

    /** True when this bucket was not queued for a settlement yet, and now is. */
    private boolean queue() {
        if (nextSettlement != null) {
            return false;
        }
        nextSettlement = new CompletableFuture<>();
        return true;
    }
}
