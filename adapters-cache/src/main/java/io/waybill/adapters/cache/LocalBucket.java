package io.waybill.adapters.cache;

import io.waybill.application.port.out.TokenBuckets.Limit;

/**
 * One client's bucket in {@link LocalTokenBuckets}, immutable. Tokens in billionths, so that a bucket gains
 * {@code perSecond} units a nanosecond and the arithmetic is exact; {@code at} is the ticker's time of the last change.
 * A burst of up to 2^31 tokens fits in a long.
 */
record LocalBucket(long units, long at, Limit limit) {

    private static final long UNITS_PER_TOKEN = 1_000_000_000L;

    static LocalBucket full(Limit limit, long now) {
        return new LocalBucket(limit.burst() * UNITS_PER_TOKEN, now, limit);
    }

    LocalBucket refilled(long now) {
        long elapsed = Math.max(0, now - at);
        long full = limit.burst() * UNITS_PER_TOKEN;
        return new LocalBucket(elapsed >= nanosToFill() ? full : units + elapsed * limit.perSecond(), now, limit);
    }

    LocalBucket taken() {
        return new LocalBucket(units - UNITS_PER_TOKEN, at, limit);
    }

    boolean hasToken() {
        return units >= UNITS_PER_TOKEN;
    }

    /** Whole tokens left. */
    long tokens() {
        return units / UNITS_PER_TOKEN;
    }

    long nanosToFill() {
        return ceilDivide(limit.burst() * UNITS_PER_TOKEN - units, limit.perSecond());
    }

    long nanosToToken() {
        return ceilDivide(UNITS_PER_TOKEN - units, limit.perSecond());
    }

    long nanosPerToken() {
        return ceilDivide(UNITS_PER_TOKEN, limit.perSecond());
    }

    private static long ceilDivide(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
