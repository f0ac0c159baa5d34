package io.waybill.adapters.persistence;

import static io.waybill.application.contract.StoredShipments.event;
import static io.waybill.application.contract.StoredShipments.key;
import static io.waybill.application.contract.StoredShipments.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.ShipmentRepositoryContract;
import io.waybill.application.contract.StoredShipments;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The repository contract on a database, and what only a database shows: the rows behind a shipment, the time of a
 * change, how a failing database surfaces, and that a transaction gives its connection back to the pool. Subclasses
 * say which database.
 */
abstract class DatabaseShipmentStorageContract extends ShipmentRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private DatabaseSettings settings;
    private Persistence persistence;

    abstract DatabaseSettings newDatabase() throws Exception;

    /** The database of the test that runs. */
    final DatabaseSettings settings() {
        return settings;
    }

    @Override
    protected ShipmentRepository newRepository() throws Exception {
        settings = newDatabase();
        persistence = Persistence.open(settings, CLOCK);
        return persistence.shipments();
    }

    @AfterEach
    void closeDatabase() throws Exception {
        if (persistence != null) {
            persistence.close();
        }
        if (settings != null) {
            TestDatabases.drop(settings);
        }
    }

    @Test
    void registerAllWritesEachArticleAndEventOnceAtOneRecordingTime() {
        List<Shipment> batch = List.of(
                StoredShipments.full(key("1Z999AA10123456784", "UPS"), T0),
                StoredShipments.bare(key("1Z999AA10123456784", "FEDEX"), T0.plusSeconds(1)),
                imported(key("TN12345679", "GLS"), 2));

        shipments().registerAll(batch);

        assertThat(count("SELECT count(*) FROM shipments")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM shipment_articles")).isEqualTo(3 + 0 + 3);
        assertThat(count("SELECT count(*) FROM tracking_events")).isEqualTo(3 + 0 + 1);
        assertThat(count("SELECT count(DISTINCT recorded_at) FROM tracking_events")).isEqualTo(1);
    }

    @Test
    void aRefusedWriteLeavesNoRowsBehind() {
        Shipment first = plain(key("TN12345678", "DHL"), T0, ShipmentStatus.RECEIVED, Optional.empty(), "TW", "MY");
        shipments().register(first);
        Shipment taken = StoredShipments.full(key("TN12345678", "dhl"), T0.plusSeconds(60));
        TrackingEvent fresh =
                event("ev-fresh", OffsetDateTime.parse("2026-11-02T08:00:00Z"), ShipmentStatus.IN_TRANSIT);
        Shipment.Recording recording = first.record(List.of(fresh));
        Shipment.Recording lost = first.record(List.of(
                event("ev-lost", OffsetDateTime.parse("2026-11-02T09:00:00Z"), ShipmentStatus.EXCEPTION)));

        assertThatThrownBy(() -> shipments().register(taken)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> shipments().registerAll(List.of(StoredShipments.full(key("TN11111111", "DHL"), T0),
                taken))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> shipments().append(recording.shipment(), 0, List.of(fresh, first.events().get(0))))
                .isInstanceOf(RuntimeException.class);
        shipments().append(recording.shipment(), 0, recording.added());
        assertThatThrownBy(() -> shipments().append(lost.shipment(), 0, lost.added()))
                .isInstanceOf(RuntimeException.class);

        assertThat(count("SELECT count(*) FROM shipments")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM shipment_articles")).isZero();
        assertThat(count("SELECT count(*) FROM tracking_events")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM tracking_events WHERE event_id = 'ev-lost'")).isZero();
        assertThat(count("SELECT max(version) FROM shipments")).isOne();
    }

    @Test
    void aTransactionGivesItsConnectionBackAndLeavesNoRowsOfWhatItUndid() {
        Shipment first = StoredShipments.full(key("TN11111111", "DHL"), T0);
        Shipment second = imported(key("TN22222222", "UPS"), 2);
        IllegalStateException failure = new IllegalStateException("a bad line");
        for (int attempt = 0; attempt < 6; attempt++) {
            assertThatThrownBy(() -> shipments().inOneTransaction(transaction -> {
                transaction.registerAll(List.of(first, second));
                throw failure;
            })).as("more transactions than the pool has connections").isSameAs(failure);
        }
        assertThat(count("SELECT count(*) FROM shipment_articles")).isZero();

        shipments().inOneTransaction(transaction -> {
            transaction.register(first);
            assertThatThrownBy(() -> transaction.registerAll(List.of(second, first)))
                    .isInstanceOf(ShipmentExistsException.class);
            return null;
        });

        assertThat(count("SELECT count(*) FROM shipments")).isOne();
        assertThat(count("SELECT count(*) FROM shipment_articles")).isEqualTo(first.details().articles().size());
        assertThat(count("SELECT count(*) FROM tracking_events")).isEqualTo(first.events().size());
    }

    @Test
    void anAppendStampsTheShipmentWithTheClock() {
        Shipment registered = StoredShipments.full(key("TN12345678", "DHL"), T0);
        shipments().register(registered);
        Shipment.Recording recording = registered.record(List.of(
                event("ev-4", OffsetDateTime.parse("2026-11-23T08:00:00+08:00"), ShipmentStatus.OUT_FOR_DELIVERY)));

        shipments().append(recording.shipment(), 0, recording.added());

        Instant updatedAt = TestDatabases.jdbi(settings).withHandle(handle -> handle.createQuery(
                "SELECT updated_at FROM shipments").map((row, context) -> settings.engine().readTime(row, 1)).one()
                .toInstant());
        assertThat(updatedAt).isEqualTo(NOW);
    }

    @Test
    void aDatabaseFailureIsStorageUnavailable() {
        ShipmentRepository shipments = shipments();
        Shipment registered = plain(key("TN12345678", "DHL"), T0, ShipmentStatus.RECEIVED, Optional.empty(), "TW",
                "MY");
        shipments.register(registered);
        Shipment.Recording recording = registered.record(List.of(
                event("ev-2", OffsetDateTime.parse("2026-11-02T08:00:00Z"), ShipmentStatus.IN_TRANSIT)));
        TestDatabases.jdbi(settings).useHandle(handle -> handle.execute("DROP TABLE tracking_events"));

        assertThatThrownBy(() -> shipments.find(registered.key())).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> shipments.findByNumber(registered.key().number()))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> shipments.append(recording.shipment(), 0, recording.added()))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> shipments.register(StoredShipments.full(key("TN87654321", "DHL"), T0)))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> shipments.registerAll(List.of(StoredShipments.full(key("TN87654321", "DHL"), T0),
                        imported(key("TN87654322", "UPS"), 1))))
                .isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> shipments.findAll(List.of(registered.key())))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(count("SELECT count(*) FROM shipments")).as("rolled back").isEqualTo(1);
        assertThat(count("SELECT max(version) FROM shipments")).as("rolled back").isZero();

        TestDatabases.dropTable(settings, "shipments");
        assertThatThrownBy(() -> shipments.list(Filter.NONE, Optional.empty(), 10))
                .isInstanceOf(StorageUnavailableException.class);
    }

    private long count(String sql) {
        return TestDatabases.jdbi(settings).withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
