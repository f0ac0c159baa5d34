package io.waybill.application.port.in;

import io.waybill.domain.Shipment;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Realistic generated shipments, for trying Waybill and load-testing it: senders, recipients, centres and phones in
 * several regions (Traditional Chinese among them, with the logistics system's own 16 centres and 18 recipients as one
 * region), carriers, articles with SKUs and prices, and histories that follow the logistics system's lifecycle and
 * probabilities. Every history passes the transition rules. Each shipment has a number of Waybill's format from a
 * permutation of its own, so the numbers of one generation are distinct.
 */
public interface FakeShipmentsUseCase {

    /** Generates the shipments lazily, one at a time, without storing them. */
    Stream<Shipment> generate(Generation generation);

    /**
     * Generates the shipments and stores them, in batches, each batch in one transaction. A shipment whose number and
     * carrier are stored already (the same seed again) is left as it is and counted as existing.
     *
     * @param created told of each shipment stored, once its batch is committed
     * @throws io.waybill.application.port.out.StorageUnavailableException when the database fails; the batches
     *     committed before stay
     */
    Created create(Generation generation, Consumer<Shipment> created);

    /**
     * @param seed the same seed, count and {@code until} give the same shipments; empty for different ones each time
     * @param until no event is later than this; histories end up to two weeks before it
     * @param progress told how many shipments were generated so far, every {@link #PROGRESS_EVERY} and at the end
     */
    record Generation(long count, OptionalLong seed, Instant until, LongConsumer progress) {

        public static final int PROGRESS_EVERY = 10_000;

        public Generation {
            if (count < 0) {
                throw new IllegalArgumentException("the count must not be negative; got " + count);
            }
            Objects.requireNonNull(seed, "seed");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(progress, "progress");
        }
    }

    /** @param existing shipments that were stored already, left unchanged */
    record Created(long created, long existing) {}
}
