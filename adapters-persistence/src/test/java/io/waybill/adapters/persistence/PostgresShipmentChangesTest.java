package io.waybill.adapters.persistence;

import static io.waybill.application.contract.StoredShipments.bare;
import static io.waybill.application.contract.StoredShipments.event;
import static io.waybill.application.contract.StoredShipments.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

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
 * Instances on one PostgreSQL schema hear each other's changes to shipments, in the order committed: so that what an
 * instance did not hear by the time it heard a later change, it never hears.
 */
class PostgresShipmentChangesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final List<DatabaseSettings> schemas = new ArrayList<>();
    private final List<Persistence> opened = new ArrayList<>();
    private final AtomicLong serial = new AtomicLong();

    @AfterEach
    void dropSchemas() throws Exception {
        opened.forEach(Persistence::close);
        for (DatabaseSettings settings : schemas) {
            TestDatabases.drop(settings);
        }
    }

    @Test
    void aRegistrationIsReportedToTheOtherInstancesAndNotToItsWriter() {
        DatabaseSettings schema = schema();
        Persistence writer = open(schema);
        Persistence other = open(schema);
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
    void anAppendIsReportedAndAnIssuedNumberIsNot() {
        DatabaseSettings schema = schema();
        Persistence writer = open(schema);
        Heard heard = listen(open(schema));
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
    void aBatchOfManyIsReportedWholeThoughNoPayloadCouldHoldIt() {
        DatabaseSettings schema = schema();
        Persistence writer = open(schema);
        Heard heard = listen(open(schema));
        List<Shipment> batch = IntStream.range(0, 1000)
                .mapToObj(i -> bare(key(String.format("LONG%036d", i), "DHL"), CLOCK.instant()))
                .toList();

        writer.shipments().registerAll(batch);

        heard.waitFor(number(batch.get(batch.size() - 1)));
        assertThat(heard.numbers()).containsExactlyInAnyOrderElementsOf(batch.stream().map(this::number).toList());
    }

    @Test
    void aWriteThatFailsIsNotReported() {
        DatabaseSettings schema = schema();
        Persistence writer = open(schema);
        Heard heard = listen(open(schema));
        Shipment taken = register(writer);
        heard.waitFor(number(taken));
        Shipment fresh = bare(key("FRESH0001", "DHL"), CLOCK.instant());

        assertThatThrownBy(() -> writer.shipments().registerAll(List.of(fresh, taken)))
                .isInstanceOf(ShipmentExistsException.class);
        Shipment later = register(writer);

        heard.waitFor(number(later));
        assertThat(heard.numbers()).containsExactly(number(taken), number(later));
    }

    @Test
    void aSchemaHearsOnlyTheChangesMadeInIt() {
        DatabaseSettings first = schema();
        DatabaseSettings second = schema();
        Persistence writerInFirst = open(first);
        Persistence writerInSecond = open(second);
        Heard heardInSecond = listen(open(second));

        register(writerInFirst);
        Shipment inSecond = register(writerInSecond);

        heardInSecond.waitFor(number(inSecond));
        assertThat(heardInSecond.numbers()).containsExactly(number(inSecond));
    }

    @Test
    void aLostConnectionIsReportedOnceListeningAgainAndReportsResume() {
        DatabaseSettings schema = schema();
        Persistence writer = open(schema);
        Heard heard = listen(open(schema));
        int missedAtStart = heard.missed.get();

        assertThat(terminateListeners(schema)).isEqualTo(1);

        until("the listener reconnects and says it may have missed changes", () -> heard.missed.get() > missedAtStart);
        Shipment registered = register(writer);
        heard.waitFor(number(registered));
    }

    private DatabaseSettings schema() {
        DatabaseSettings settings = TestDatabases.postgres();
        schemas.add(settings);
        return settings;
    }

    private Persistence open(DatabaseSettings settings) {
        Persistence persistence = Persistence.open(settings, CLOCK);
        opened.add(persistence);
        return persistence;
    }

    // Returns once the listener listens: it says so by reporting that it may have missed changes.
    private static Heard listen(Persistence persistence) {
        Heard heard = new Heard();
        persistence.shipmentChanges().subscribe(heard);
        until("the listener listens", () -> heard.missed.get() > 0);
        return heard;
    }

    private Shipment register(Persistence writer) {
        Shipment shipment = bare(key("TN" + String.format("%08d", serial.incrementAndGet()), "DHL"), CLOCK.instant());
        writer.shipments().register(shipment);
        return shipment;
    }

    private IssuedTrackingNumber issue() {
        Order order = new Order(CountryCode.of("MY"), CountryCode.of("ID"), Weight.parse("1.230"),
                StoredShipments.REDBOX, OrderTime.parse("2026-11-21T09:00:00+08:00"));
        return new IssuedTrackingNumber(new TrackingNumberFormat(new PermutationKey(1, 2))
                .issue(order.origin(), serial::incrementAndGet), order, CLOCK.instant());
    }

    private CarrierTrackingNumber number(Shipment shipment) {
        return shipment.key().number();
    }

    private static int terminateListeners(DatabaseSettings settings) {
        return TestDatabases.jdbi(settings).withHandle(handle -> handle.createQuery(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")
                .bind(0, "waybill changes " + ChangeChannel.nameFor(settings.schema().orElseThrow()))
                .mapTo(Integer.class)
                .one());
    }

    private static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Not true within " + PATIENCE + ": " + what);
            }
            try {
                Thread.sleep(5); // between two tries, not to wait for an event
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Heard implements ShipmentChanges.Listener {

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

        void waitFor(CarrierTrackingNumber number) {
            until("heard of " + number, () -> numbers().contains(number));
        }
    }
}
