package io.waybill.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.out.TrackingSequence.Block;
import io.waybill.application.port.out.TrackingSequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The {@link TrackingSequence} contract, a block handed out once, for every implementation: each database Waybill
 * runs on, and the fake that the services' tests rely on. A subclass supplies a new, empty sequence for each test.
 */
public abstract class TrackingSequenceContract {

    /** An instance on the test's sequence: on each call, another instance on the same sequence where it can. */
    protected abstract TrackingSequence trackingSequence();

    @Test
    void blocksFromConcurrentInstancesNeverOverlap() throws Exception {
        List<TrackingSequence> sequences = List.of(trackingSequence(), trackingSequence());
        List<Callable<List<Block>>> workers = new ArrayList<>();
        for (int worker = 0; worker < 8; worker++) {
            TrackingSequence source = sequences.get(worker % 2);
            workers.add(() -> {
                List<Block> blocks = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    blocks.add(source.reserveBlock());
                }
                return blocks;
            });
        }
        List<Block> blocks = Concurrently.runAll(workers).stream().flatMap(List::stream)
                .sorted(Comparator.comparingLong(Block::first)).toList();

        assertThat(blocks).hasSize(400);
        for (int i = 1; i < blocks.size(); i++) {
            Block previous = blocks.get(i - 1);
            assertThat(blocks.get(i).first()).as("after " + previous).isGreaterThanOrEqualTo(
                    previous.first() + previous.size());
        }
    }
}
