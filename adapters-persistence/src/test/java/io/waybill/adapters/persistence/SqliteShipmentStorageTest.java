package io.waybill.adapters.persistence;

import static io.waybill.application.contract.StoredShipments.event;
import static io.waybill.application.contract.StoredShipments.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.StoredShipments;
import io.waybill.application.port.out.ShipmentRepository.ConcurrentUpdateException;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.ShipmentSummary;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The storage contract on SQLite, where one writer at a time holds the database's write lock: a transaction takes it
 * when it begins, and other writers, of this process or another, wait for its end (up to the busy timeout) instead of
 * committing while it runs, as they do on PostgreSQL.
 */
class SqliteShipmentStorageTest extends DatabaseShipmentStorageContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.sqlite();
    }

    /**
     * A transaction takes the write lock when it begins, before its first read: had it only begun reading, another
     * connection's commit would make its first write fail (SQLITE_BUSY_SNAPSHOT) instead of waiting.
     */
    @Test
    void aTransactionHoldsTheWriteLockFromItsStart() {
        shipments().inOneTransaction(transaction -> {
            assertThatThrownBy(() -> TestDatabases.jdbi(settings()).useHandle(handle -> {
                handle.execute("PRAGMA busy_timeout = 0");
                handle.execute("BEGIN IMMEDIATE");
            })).as("another connection cannot take the write lock").hasMessageContaining("SQLITE_BUSY");
            return null;
        });

        TestDatabases.jdbi(settings()).useHandle(handle -> {
            handle.execute("BEGIN IMMEDIATE");
            handle.execute("ROLLBACK");
        });
    }

    @Override
    @Test
    protected void whatOthersCommitWhileATransactionRunsOutlivesItsRollback() throws Exception {
        Shipment stored = received(key("TX10000000", "DHL"));
        shipments().register(stored);
        Shipment first = StoredShipments.full(key("TX10000001", "DHL"), T0);
        Shipment other = StoredShipments.full(key("TX10000002", "DHL"), T0);
        Shipment.Recording theirs = stored.record(List.of(
                event("ev-8", OffsetDateTime.parse("2026-11-21T12:00:00Z"), ShipmentStatus.IN_TRANSIT)));
        IllegalStateException failure = new IllegalStateException("a bad line");
        AtomicReference<CompletableFuture<Void>> others = new AtomicReference<>();

        assertThatThrownBy(() -> shipments().inOneTransaction(transaction -> {
            transaction.register(first);
            others.set(CompletableFuture.runAsync(() -> {
                shipments().register(other);
                shipments().append(theirs.shipment(), 0, theirs.added());
            }));
            assertThat(others.get()).as("waits for the transaction").isNotDone();
            throw failure;
        })).isSameAs(failure);
        others.get().get(10, TimeUnit.SECONDS);

        assertThat(shipments().find(first.key())).isEmpty();
        assertThat(shipments().find(other.key())).contains(other);
        assertThat(shipments().find(stored.key())).contains(theirs.shipment().withVersion(1));
    }

    @Override
    @Test
    protected void aTransactionSeesWhatOthersCommitWhileItRunsAndListsOutsideItself() throws Exception {
        Shipment stored = received(key("TX10000000", "DHL"));
        shipments().register(stored);
        Shipment first = StoredShipments.full(key("TX10000001", "DHL"), T0);
        Shipment other = StoredShipments.full(key("TX10000002", "DHL"), T0);
        Shipment.Recording theirs = stored.record(List.of(
                event("ev-8", OffsetDateTime.parse("2026-11-21T12:00:00Z"), ShipmentStatus.IN_TRANSIT)));
        Shipment.Recording ours = stored.record(List.of(
                event("ev-9", OffsetDateTime.parse("2026-11-21T13:00:00Z"), ShipmentStatus.IN_TRANSIT)));
        AtomicReference<CompletableFuture<Void>> others = new AtomicReference<>();

        shipments().inOneTransaction(transaction -> {
            assertThat(transaction.find(stored.key())).contains(stored);
            others.set(CompletableFuture.runAsync(() -> {
                shipments().register(other);
                shipments().append(theirs.shipment(), 0, theirs.added());
            }));
            transaction.append(ours.shipment(), 0, ours.added());
            assertThat(transaction.find(stored.key())).as("its own write").contains(ours.shipment().withVersion(1));
            transaction.register(first);
            assertThat(transaction.list(Filter.NONE, Optional.empty(), 10)).as("listing is outside the transaction")
                    .extracting(ShipmentSummary::key).containsExactly(stored.key());
            assertThat(others.get()).as("waits for the transaction").isNotDone();
            return null;
        });

        assertThatThrownBy(() -> others.get().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConcurrentUpdateException.class);
        assertThat(shipments().findAll(List.of(stored.key(), first.key(), other.key()))).containsOnly(
                Map.entry(stored.key(), ours.shipment().withVersion(1)), Map.entry(first.key(), first),
                Map.entry(other.key(), other));
    }
}
