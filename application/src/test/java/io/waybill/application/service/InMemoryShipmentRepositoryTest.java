package io.waybill.application.service;

import static io.waybill.application.contract.StoredShipments.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.Poll;
import io.waybill.application.contract.ShipmentRepositoryContract;
import io.waybill.application.contract.StoredShipments;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.Shipment;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fake that the services' tests rely on keeps the contract that the databases keep; and, as a database's row locks
 * make a writer do, a writer of a shipment that an open transaction wrote waits for it to end.
 */
class InMemoryShipmentRepositoryTest extends ShipmentRepositoryContract {

    private final InMemoryShipmentRepository shipments = new InMemoryShipmentRepository();
    private final Shipment first = StoredShipments.full(key("TX10000001", "DHL"), T0);
    private final ExecutorService outside = Executors.newSingleThreadExecutor();

    @Override
    protected ShipmentRepository newRepository() {
        return new InMemoryShipmentRepository();
    }

    @AfterEach
    void stopOutside() {
        outside.shutdownNow();
    }

    @Test
    void aWriterOfWhatATransactionWroteWaitsForItsCommitAndIsThenRefused() {
        Future<?> waiting = shipments.inOneTransaction(transaction -> {
            transaction.register(first);
            Future<?> register = outside.submit(() -> shipments.register(first));
            Poll.until("the writer outside waits", () -> shipments.waiting() == 1, Duration.ofSeconds(10));
            return register;
        });

        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ShipmentExistsException.class);
        assertThat(shipments.stored(first.key())).contains(first);
    }

    @Test
    void aWriterOfWhatATransactionWroteWaitsForItsRollbackAndThenWrites() throws Exception {
        IllegalStateException failure = new IllegalStateException("a bad line");
        AtomicReference<Future<?>> waiting = new AtomicReference<>();
        Shipment theirs = StoredShipments.bare(first.key(), T0);

        assertThatThrownBy(() -> shipments.inOneTransaction(transaction -> {
            transaction.register(first);
            waiting.set(outside.submit(() -> shipments.register(theirs)));
            Poll.until("the writer outside waits", () -> shipments.waiting() == 1, Duration.ofSeconds(10));
            throw failure;
        })).isSameAs(failure);

        waiting.get().get(10, TimeUnit.SECONDS);
        assertThat(shipments.stored(first.key())).contains(theirs);
    }
}
