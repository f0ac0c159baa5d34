package io.waybill.adapters.persistence;

import static io.waybill.application.contract.StoredShipments.event;
import static io.waybill.application.contract.StoredShipments.full;
import static io.waybill.application.contract.StoredShipments.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.out.ShipmentRepository.ConcurrentUpdateException;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ShipmentRepository#inOneTransaction} on H2 and PostgreSQL: all or nothing, and usable after a refusal. */
class ShipmentTransactionTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final Shipment first = full(key("TX10000001", "DHL"), NOW);
    private final Shipment second = full(key("TX10000002", "DHL"), NOW);
    private DatabaseSettings settings;
    private Persistence persistence;

    @AfterEach
    void close() throws Exception {
        if (persistence != null) {
            persistence.close();
        }
        if (settings != null) {
            TestDatabases.drop(settings);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void commitsWhatTheWorkWroteWhichItsReadsSeeBeforeOthersDo(String database) throws Exception {
        ShipmentRepository shipments = open(database);

        String result = shipments.inOneTransaction(transaction -> {
            transaction.registerAll(List.of(first));
            Shipment stored = transaction.find(first.key()).orElseThrow();
            Shipment.Recording recording = stored.record(List.of(
                    event("ev-9", OffsetDateTime.parse("2026-11-21T13:00:00Z"), ShipmentStatus.DELIVERED)));
            transaction.append(recording.shipment(), stored.version(), recording.added());
            assertThat(transaction.findAll(List.of(first.key()))).containsKey(first.key());
            assertThat(shipments.find(first.key())).as("not committed yet").isEmpty();
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(shipments.find(first.key())).hasValueSatisfying(stored -> {
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.status()).isEqualTo(ShipmentStatus.DELIVERED);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void rollsEverythingBackWhenTheWorkThrows(String database) throws Exception {
        ShipmentRepository shipments = open(database);
        IllegalStateException failure = new IllegalStateException("a bad line");

        assertThatThrownBy(() -> shipments.inOneTransaction(transaction -> {
            transaction.registerAll(List.of(first));
            transaction.register(second);
            throw failure;
        })).isSameAs(failure);

        assertThat(shipments.findAll(List.of(first.key(), second.key()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRefusedWriteLeavesTheTransactionUsable(String database) throws Exception {
        ShipmentRepository shipments = open(database);

        shipments.inOneTransaction(transaction -> {
            transaction.register(first);
            assertThatThrownBy(() -> transaction.registerAll(List.of(second, first)))
                    .isInstanceOf(ShipmentExistsException.class);
            Shipment stored = transaction.find(first.key()).orElseThrow();
            Shipment.Recording recording = stored.record(List.of(
                    event("ev-9", OffsetDateTime.parse("2026-11-21T13:00:00Z"), ShipmentStatus.DELIVERED)));
            assertThatThrownBy(() -> transaction.append(recording.shipment(), 7, recording.added()))
                    .isInstanceOf(ConcurrentUpdateException.class);
            transaction.register(second);
            return null;
        });

        assertThat(shipments.findAll(List.of(first.key(), second.key()))).containsOnlyKeys(first.key(), second.key());
        assertThat(shipments.find(first.key()).orElseThrow().version()).isZero();
    }

    private ShipmentRepository open(String database) throws Exception {
        settings = database.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
        persistence = Persistence.open(settings, Clock.fixed(NOW, ZoneOffset.UTC));
        return persistence.shipments();
    }
}
