package io.waybill.adapters.persistence;

import static io.waybill.application.contract.StoredShipments.bare;
import static io.waybill.application.contract.StoredShipments.event;
import static io.waybill.application.contract.StoredShipments.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.Poll;
import io.waybill.application.contract.StoredShipments;
import io.waybill.application.port.out.ShipmentChanges;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Order;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.Weight;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.PermutationKey;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Instances on one database hear each other's changes to shipments, and not their own, once committed and in the order
 * committed: so that what an instance did not hear by the time it heard a later change, it never hears. Subclasses say
 * which database, and what only it shows.
 */
abstract class ShipmentChangesContract {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<DatabaseSettings> databases = new ArrayList<>();
    private final List<Persistence> opened = new ArrayList<>();
    private final AtomicLong serial = new AtomicLong();

    /** A new, empty database of the engine under test, which {@link #database} drops after the test. */
    abstract DatabaseSettings newDatabase() throws Exception;

    @AfterEach
    void dropDatabases() throws Exception {
        opened.forEach(Persistence::close);
        for (DatabaseSettings settings : databases) {
            TestDatabases.drop(settings);
        }
    }

    @Test
    void aRegistrationIsReportedToTheOtherInstancesAndNotToItsWriter() throws Exception {
        DatabaseSettings database = database();
        Persistence writer = open(database);
        Persistence other = open(database);
        Heard heardByWriter = listen(writer);
        Heard heardByOther = listen(other);

        Shipment registered = register(writer);
        heardByOther.waitFor(number(registered));
        Shipment later = register(other);
        heardByWriter.waitFor(number(later));

        assertThat(heardByWriter.numbers()).containsExactly(number(later));
        assertThat(heardByOther.numbers()).containsExactly(number(registered));
    }

    @Test
    void anAppendIsReportedAndAnIssuedNumberIsNot() throws Exception {
        DatabaseSettings database = database();
        Persistence writer = open(database);
        Heard heard = listen(open(database));
        IssuedTrackingNumber issued = issue();
        writer.shipments().add(issued);
        Shipment stored = writer.shipments().find(ShipmentKey.of(issued.trackingNumber())).orElseThrow();

        Shipment.Recording recording = stored.record(List.of(
                event("ev-1", OffsetDateTime.parse("2026-11-21T09:00:00+08:00"), ShipmentStatus.RECEIVED)));
        writer.shipments().append(recording.shipment(), 0, recording.added());

        heard.waitFor(stored.key().number());
        assertThat(heard.changes()).containsExactly(Set.of(stored.key().number())); // once: the append, not the issue
    }

    @Test
    void aBatchOfManyIsReportedWholeThoughNoPayloadCouldHoldIt() throws Exception {
        DatabaseSettings database = database();
        Persistence writer = open(database);
        Heard heard = listen(open(database));
        List<Shipment> batch = IntStream.range(0, 1000)
                .mapToObj(i -> bare(key(String.format("LONG%036d", i), "DHL"), CLOCK.instant()))
                .toList();

        writer.shipments().registerAll(batch);

        heard.waitFor(number(batch.get(batch.size() - 1)));
        assertThat(heard.numbers()).containsExactlyInAnyOrderElementsOf(batch.stream().map(this::number).toList());
    }

    @Test
    void aWriteThatFailsIsNotReportedNorTakenForAMissedChange() throws Exception {
        DatabaseSettings database = database();
        Persistence writer = open(database);
        Heard heard = listen(open(database));
        Shipment taken = register(writer);
        heard.waitFor(number(taken));
        Shipment fresh = bare(key("FRESH0001", "DHL"), CLOCK.instant());

        assertThatThrownBy(() -> writer.shipments().registerAll(List.of(fresh, taken)))
                .isInstanceOf(ShipmentExistsException.class);
        Shipment later = register(writer);

        heard.waitFor(number(later));
        assertThat(heard.numbers()).containsExactly(number(taken), number(later));
        assertThat(heard.missed()).as("told only when it began listening").isEqualTo(1);
    }

    /** A new database for this test, dropped after it. */
    final DatabaseSettings database() throws Exception {
        DatabaseSettings settings = newDatabase();
        databases.add(settings);
        return settings;
    }

    final Persistence open(DatabaseSettings settings) {
        return open(settings, CLOCK);
    }

    /** An instance on {@code settings}, closed after the test. */
    final Persistence open(DatabaseSettings settings, Clock clock) {
        Persistence persistence = Persistence.open(settings, clock);
        opened.add(persistence);
        return persistence;
    }

    /** Returns once the listener listens: it says so by reporting that it may have missed changes. */
    static Heard listen(Persistence persistence) {
        Heard heard = new Heard();
        persistence.shipmentChanges().subscribe(heard);
        until("the listener listens", () -> heard.missed() > 0);
        return heard;
    }

    /** Registers a bare shipment with a number of its own. */
    final Shipment register(Persistence writer) {
        Shipment shipment = bare(key("TN" + String.format("%08d", serial.incrementAndGet()), "DHL"), CLOCK.instant());
        writer.shipments().register(shipment);
        return shipment;
    }

    final IssuedTrackingNumber issue() {
        Order order = new Order(CountryCode.of("MY"), CountryCode.of("ID"), Weight.parse("1.230"),
                StoredShipments.REDBOX, OrderTime.parse("2026-11-21T09:00:00+08:00"));
        return new IssuedTrackingNumber(new TrackingNumberFormat(new PermutationKey(1, 2))
                .issue(order.origin(), serial::incrementAndGet), order, CLOCK.instant());
    }

    final CarrierTrackingNumber number(Shipment shipment) {
        return shipment.key().number();
    }

    static void until(String what, BooleanSupplier condition) {
        Poll.until(what, condition, PATIENCE);
    }

    /** What a listener heard: each report of changes, and how often it was told it may have missed some. */
    static final class Heard implements ShipmentChanges.Listener {

        private final List<Set<CarrierTrackingNumber>> changes = new CopyOnWriteArrayList<>();
        private final AtomicInteger missed = new AtomicInteger();

        @Override
        public void changed(Set<CarrierTrackingNumber> numbers) {
            changes.add(Set.copyOf(numbers));
        }

        @Override
        public void mayHaveMissedChanges() {
            missed.incrementAndGet();
        }

        List<Set<CarrierTrackingNumber>> changes() {
            return List.copyOf(changes);
        }

        List<CarrierTrackingNumber> numbers() {
            return changes.stream().flatMap(Set::stream).toList();
        }

        int missed() {
            return missed.get();
        }

        void waitFor(CarrierTrackingNumber number) {
            until("heard of " + number, () -> numbers().contains(number));
        }
    }
}
