package io.waybill.adapters.cache;

import io.waybill.application.port.out.TokenBuckets.Limit;

/** One bucket's part of a settlement with Redis: {@code used} tokens an instance granted since it last said. */
record BucketClaim(String bucket, Limit limit, long used) {}
