package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.CountingMetrics;
import io.waybill.application.contract.TrackingSequenceContract;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.application.port.out.TrackingSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SequenceAllocatorTest {

    private static final int BLOCK_SIZE = 10;

    private final BlockSource source = new BlockSource();
    private final ManualExecutor background = new ManualExecutor();
    private final SequenceAllocator allocator = new SequenceAllocator(source, background);

    @Test
    void countsTheSequenceNumbersHandedOutAndTheBlocksReservedByWhoWaitedForThem() {
        CountingMetrics metrics = new CountingMetrics();
        SequenceAllocator counted = new SequenceAllocator(source, background, metrics);
        for (int i = 0; i < 6; i++) {
            counted.getAsLong();
        }
        assertThat(metrics.count("waybill.tracking.sequence.taken")).isEqualTo(6);
        assertThat(metrics.count("waybill.tracking.blocks.reserved{wait=request}")).isEqualTo(1);
        assertThat(metrics.count("waybill.tracking.blocks.reserved{wait=background}"))
                .as("the prefetch has not run yet").isZero();

        background.runAll();
        for (int i = 0; i < 5; i++) {
            counted.getAsLong();
        }
        assertThat(metrics.count("waybill.tracking.sequence.taken")).isEqualTo(11);
        assertThat(metrics.count("waybill.tracking.blocks.reserved{wait=background}")).isEqualTo(1);
        assertThat(metrics.count("waybill.tracking.blocks.reserved{wait=request}")).isEqualTo(1);
    }

    @Test
    void countsAFailedPrefetchAsNothingAndItsDirectReplacementAsARequestsWait() {
        CountingMetrics metrics = new CountingMetrics();
        SequenceAllocator counted = new SequenceAllocator(source, background, metrics);
        source.failCall(2);
        for (int i = 0; i < 6; i++) {
            counted.getAsLong();
        }
        background.runAll();
        for (int i = 0; i < 5; i++) {
            counted.getAsLong();
        }
        assertThat(metrics.count("waybill.tracking.blocks.reserved{wait=background}")).isZero();
        assertThat(metrics.count("waybill.tracking.blocks.reserved{wait=request}")).isEqualTo(2);
        assertThat(metrics.count("waybill.tracking.sequence.taken")).isEqualTo(11);
    }

    @Test
    void handsOutEveryNumberOfABlockInOrder() {
        for (long expected = 0; expected < 5; expected++) {
            assertThat(allocator.getAsLong()).isEqualTo(expected);
        }
        assertThat(source.calls()).isEqualTo(1);
    }

    @Test
    void reservesTheNextBlockInTheBackgroundOnceHalfTheBlockIsUsed() {
        takeNumbers(5);
        assertThat(background.pending()).isZero();

        assertThat(allocator.getAsLong()).isEqualTo(5);
        assertThat(background.pending()).isEqualTo(1);
        assertThat(source.calls()).as("the prefetch has not run yet").isEqualTo(1);

        assertThat(takeNumbers(3)).containsExactly(6, 7, 8);
        assertThat(background.pending()).as("no second prefetch while one is pending").isEqualTo(1);
        assertThat(source.calls()).isEqualTo(1);

        background.runAll();
        assertThat(source.calls()).isEqualTo(2);

        assertThat(takeNumbers(2)).containsExactly(9, 10);
        assertThat(source.calls()).as("the block arrived in the background").isEqualTo(2);
        assertThat(takeNumbers(4)).containsExactly(11, 12, 13, 14);
        assertThat(background.pending()).isZero();

        assertThat(allocator.getAsLong()).isEqualTo(15);
        assertThat(background.pending()).isEqualTo(1);
    }

    @Test
    void waitsForAPendingBlockRatherThanReservingAnother() throws Exception {
        takeNumbers(BLOCK_SIZE);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Long> next = caller.submit(allocator::getAsLong);

            background.runAll();

            assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo(10);
            assertThat(source.calls()).isEqualTo(2);
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void reservesDirectlyWhenTheBackgroundReservationFailed() {
        source.failCall(2);
        takeNumbers(6);

        background.runAll();
        assertThat(source.calls()).isEqualTo(2);
        assertThat(takeNumbers(4)).containsExactly(6, 7, 8, 9);

        assertThat(allocator.getAsLong()).isEqualTo(10);
        assertThat(source.calls()).isEqualTo(3);
        assertThat(takeNumbers(9)).containsExactly(11, 12, 13, 14, 15, 16, 17, 18, 19);
    }

    @Test
    void passesOnTheFailureOfADirectReservationAndTriesAgainOnTheNextCall() {
        StorageUnavailableException failure = source.failCall(1);

        assertThatThrownBy(allocator::getAsLong).isSameAs(failure);
        assertThat(source.calls()).isEqualTo(1);

        assertThat(allocator.getAsLong()).isEqualTo(0);
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void passesOnTheFailureWhenBothTheBackgroundAndTheDirectReservationFail() {
        source.failCall(2);
        StorageUnavailableException direct = source.failCall(3);
        takeNumbers(6);
        background.runAll();
        takeNumbers(4);

        assertThatThrownBy(allocator::getAsLong).isSameAs(direct);
        assertThat(source.calls()).isEqualTo(3);

        assertThat(allocator.getAsLong()).isEqualTo(10);
        assertThat(source.calls()).isEqualTo(4);
    }

    @Test
    void concurrentCallersGetDistinctNumbersFromReservedBlocks() throws Exception {
        int threads = 8;
        int perThread = 1_250;
        ExecutorService reserver = Executors.newSingleThreadExecutor();
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            SequenceAllocator shared = new SequenceAllocator(source, reserver);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(callers.submit(() -> {
                    start.await();
                    long[] numbers = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        numbers[i] = shared.getAsLong();
                    }
                    return numbers;
                }));
            }
            start.countDown();

            Set<Long> all = new HashSet<>();
            for (Future<long[]> result : results) {
                long[] numbers = result.get(10, TimeUnit.SECONDS);
                for (int i = 1; i < numbers.length; i++) {
                    assertThat(numbers[i]).as("one caller's numbers rise").isGreaterThan(numbers[i - 1]);
                }
                Arrays.stream(numbers).forEach(all::add);
            }
            assertThat(all).hasSize(threads * perThread);
            Set<Long> blockStarts = new HashSet<>();
            source.handedOut().forEach(block -> blockStarts.add(block.first()));
            assertThat(all).allSatisfy(number -> assertThat(blockStarts).contains(number - number % BLOCK_SIZE));
        } finally {
            callers.shutdownNow();
            reserver.shutdownNow();
        }
    }

    private long[] takeNumbers(int count) {
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = allocator.getAsLong();
        }
        return numbers;
    }

    /** The fake keeps the contract that the databases keep. */
    @Nested
    class BlockSourceKeepsTheContract extends TrackingSequenceContract {

        private final BlockSource shared = new BlockSource();

        // Instances on one sequence share its counter: in memory, one instance stands for all of them.
        @Override
        protected TrackingSequence trackingSequence() {
            return shared;
        }
    }

    /** Hands out blocks of ten from a counter; chosen calls (counted from 1) fail without using the counter. */
    private static final class BlockSource implements TrackingSequence {

        private final AtomicLong counter = new AtomicLong();
        private final AtomicInteger calls = new AtomicInteger();
        private final List<Block> handedOut = new CopyOnWriteArrayList<>();
        private final Map<Integer, StorageUnavailableException> failures = new ConcurrentHashMap<>();

        StorageUnavailableException failCall(int call) {
            StorageUnavailableException failure = new StorageUnavailableException("call " + call + " failed", null);
            failures.put(call, failure);
            return failure;
        }

        @Override
        public Block reserveBlock() {
            StorageUnavailableException failure = failures.get(calls.incrementAndGet());
            if (failure != null) {
                throw failure;
            }
            Block block = new Block(counter.getAndAdd(BLOCK_SIZE), BLOCK_SIZE);
            handedOut.add(block);
            return block;
        }

        int calls() {
            return calls.get();
        }

        List<Block> handedOut() {
            return handedOut;
        }
    }

    /** Keeps submitted tasks until the test runs them. */
    private static final class ManualExecutor implements Executor {

        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized int pending() {
            return tasks.size();
        }

        void runAll() {
            Runnable task;
            while ((task = poll()) != null) {
                task.run();
            }
        }

        private synchronized Runnable poll() {
            return tasks.poll();
        }
    }
}
