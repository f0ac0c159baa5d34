package io.waybill.adapters.cache;

import io.waybill.application.port.out.TokenBuckets.Limit;

/**
 * One bucket's part of a settlement with Redis ({@link RedisBuckets#settle}): {@code used} tokens this instance granted
 * on credit, to be counted, and up to {@code wanted} tokens to lease.
 */
record BucketClaim(String bucket, Limit limit, long used, long wanted) {}
