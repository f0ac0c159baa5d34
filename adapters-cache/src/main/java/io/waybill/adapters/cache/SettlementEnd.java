package io.waybill.adapters.cache;

import java.util.concurrent.CompletableFuture;

/**
 * What a settlement of a {@link SharedBucket} ended: the wait of the requests on it, and whether the bucket is to be
 * settled again.
 */
record SettlementEnd(CompletableFuture<Void> ended, boolean enqueue) {}
