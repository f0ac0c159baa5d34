package io.waybill.application.service;

import io.waybill.application.port.out.Metrics;
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
 * <p>Counts the sequence numbers handed out ({@code waybill.tracking.sequence.taken}: more than the tracking numbers
 * issued, since the format skips some and a number whose store failed is lost) and the blocks reserved
 * ({@code waybill.tracking.blocks.reserved}, by {@code wait}: {@code background} ahead of need, {@code request} when a
 * request waited for the database), outside the critical section.
 *
 * <p>Thread-safe; handing out a number is a short critical section.
 */
public final class SequenceAllocator implements LongSupplier {

    private final TrackingSequence source;
    private final Executor background;
    private final Metrics.Counter taken;
    private final Metrics.Counter reservedAhead;
    private final Metrics.Counter reservedInline;
    // A lock rather than synchronized: a virtual thread waiting for the database inside synchronized would pin
    // its carrier thread on JDK 21 to 23.
    private final ReentrantLock lock = new ReentrantLock();
    private long next;
    private long end;
    private long refillAt;
    private CompletableFuture<TrackingSequence.Block> upcoming;

    /** Without metrics. */
    public SequenceAllocator(TrackingSequence source, Executor background) {
        this(source, background, Metrics.NONE);
    }

    public SequenceAllocator(TrackingSequence source, Executor background, Metrics metrics) {
        this.source = source;
        this.background = background;
        this.taken = metrics.counter("waybill.tracking.sequence.taken",
                "Sequence numbers handed out to make tracking numbers");
        String blocks = "waybill.tracking.blocks.reserved";
        String description = "Blocks of sequence numbers reserved in the database";
        this.reservedAhead = metrics.counter(blocks, description, "wait", "background");
        this.reservedInline = metrics.counter(blocks, description, "wait", "request");
    }

    @Override
    public long getAsLong() {
        long number;
        lock.lock();
        try {
            if (next == end) {
                use(upcoming == null ? reserveInline() : arrived());
            }
            if (next == refillAt && upcoming == null) {
                upcoming = CompletableFuture.supplyAsync(this::reserveAhead, background);
            }
            number = next++;
        } finally {
            lock.unlock();
        }
        taken.increment();
        return number;
    }

    private TrackingSequence.Block reserveAhead() {
        TrackingSequence.Block block = source.reserveBlock();
        reservedAhead.increment();
        return block;
    }

    private TrackingSequence.Block reserveInline() {
        TrackingSequence.Block block = source.reserveBlock();
        reservedInline.increment();
        return block;
    }

    private TrackingSequence.Block arrived() {
        CompletableFuture<TrackingSequence.Block> pending = upcoming;
        upcoming = null;
        try {
            return pending.join();
        } catch (CompletionException e) {
            return reserveInline();
        }
    }

    private void use(TrackingSequence.Block block) {
        next = block.first();
        end = block.first() + block.size();
        refillAt = block.first() + block.size() / 2;
    }
}
