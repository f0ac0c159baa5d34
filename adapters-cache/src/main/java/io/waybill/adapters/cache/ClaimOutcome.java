package io.waybill.adapters.cache;

/**
 * What a {@link BucketClaim} got from Redis: {@code granted} tokens (0 when refused), what is left, and the wait for a
 * token if refused.
 */
record ClaimOutcome(long granted, long remaining, long millisToToken) {}
