package io.waybill.application.port.out;

import java.time.Duration;

/**
 * Token buckets, one per name, filled at a steady rate up to a burst: what the HTTP adapter limits clients with.
 * Implementations bound their memory (a bucket left alone until it is full again may be forgotten, which changes
 * nothing) and, when they share buckets between instances, never turn a failure of the shared store into refusals:
 * they fall back to buckets of their own. Thread-safe.
 */
public interface TokenBuckets {

    /** A bucket that gains {@code perSecond} tokens a second, up to {@code burst}; both at least 1. */
    record Limit(long perSecond, long burst) {

        public Limit {
            if (perSecond < 1 || burst < 1) {
                throw new IllegalArgumentException("perSecond and burst must be at least 1; got " + perSecond
                        + " and " + burst);
            }
        }

        /** How long an empty bucket takes to fill up again, in whole seconds, at least 1. */
        public long secondsToFill() {
            return Math.max(1, (burst + perSecond - 1) / perSecond);
        }
    }

    /**
     * The outcome of a take: {@code granted} or not, the tokens left (possibly an estimate when buckets are shared),
     * and, when refused, how long until a token is there again (zero when granted).
     */
    record Take(boolean granted, long remaining, Duration retryAfter) {}

    /** Takes one token from the bucket named {@code bucket}, a full bucket when it is new. */
    Take take(String bucket, Limit limit);
}
