package io.waybill.adapters.cache;

/**
 * What a bucket in Redis holds after a settlement, below zero when its client owes tokens, and the wait for a token
 * when it holds less than one.
 */
record BucketBalance(long tokens, long millisToToken) {}
