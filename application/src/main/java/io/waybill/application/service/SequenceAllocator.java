package io.waybill.application.service;

import io.waybill.application.port.out.TrackingSequence;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Hands out sequence numbers from blocks reserved in the database, one block at a time. When half of the current
 * block is used, the next one is reserved in the background, so requests do not wait for the database. A block
 * that failed to arrive in the background is asked for again directly; if that fails too, the caller gets the
 * {@link io.waybill.application.port.out.StorageUnavailableException}.
 *
 * <p>Thread-safe; handing out a number is a short critical section.
 */
public final class SequenceAllocator implements LongSupplier {

    private final TrackingSequence source;
    private final Executor background;
    // A lock rather than synchronized: a virtual thread waiting for the database inside synchronized would pin
    // its carrier thread on JDK 21 to 23.
    private final ReentrantLock lock = new ReentrantLock();
    private long next;
    private long end;
    private long refillAt;
    private CompletableFuture<TrackingSequence.Block> upcoming;

    public SequenceAllocator(TrackingSequence source, Executor background) {
        this.source = source;
        this.background = background;
    }

    @Override
    public long getAsLong() {
        lock.lock();
        try {
            if (next == end) {
                use(upcoming == null ? source.reserveBlock() : arrived());
            }
            if (next == refillAt && upcoming == null) {
                upcoming = CompletableFuture.supplyAsync(source::reserveBlock, background);
            }
            return next++;
        } finally {
            lock.unlock();
        }
    }

    private TrackingSequence.Block arrived() {
        CompletableFuture<TrackingSequence.Block> pending = upcoming;
        upcoming = null;
        try {
            return pending.join();
        } catch (CompletionException e) {
            return source.reserveBlock();
        }
    }

    private void use(TrackingSequence.Block block) {
        next = block.first();
        end = block.first() + block.size();
        refillAt = block.first() + block.size() / 2;
    }
}
