package io.waybill.adapters.cache;

import io.waybill.application.port.out.TokenBuckets.Take;
import java.util.concurrent.CompletableFuture;

/**
 * What a take from a {@link SharedBucket} found: a grant or a refusal ({@code take}), or else a settlement to wait
 * for before taking again; {@code enqueue} when the bucket is now to be settled.
 */
record TakeOutcome(Take take, CompletableFuture<Void> settlement, boolean enqueue) {}
