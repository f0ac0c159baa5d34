package io.waybill.adapters.persistence;

import static io.waybill.domain.ShipmentStatus.CANCELLED;
import static io.waybill.domain.ShipmentStatus.CREATED;
import static io.waybill.domain.ShipmentStatus.DELIVERED;
import static io.waybill.domain.ShipmentStatus.EXCEPTION;
import static io.waybill.domain.ShipmentStatus.IN_TRANSIT;
import static io.waybill.domain.ShipmentStatus.OUT_FOR_DELIVERY;
import static io.waybill.domain.ShipmentStatus.RECEIVED;
import static io.waybill.domain.ShipmentStatus.RETURNED_TO_SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.contract.MovableClock;
import io.waybill.application.contract.StoredShipments;
import io.waybill.application.port.out.ReportFigures.Figures;
import io.waybill.domain.Carrier;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.report.TransitTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The report's figures counted by the database, against a data set counted by hand: deliveries and exceptions inside,
 * at the edges of and outside the period, a shipment delivered twice, stalled shipments and ones just not stalled,
 * transit times of odd and even counts by nearest rank, unknown countries. Subclasses say which database.
 */
abstract class ReportFiguresContract {

    private static final ReportPeriod PERIOD =
            new ReportPeriod(Instant.parse("2026-12-06T00:00:00Z"), Instant.parse("2026-12-06T08:00:00Z"));
    private static final Instant STALLED_BEFORE = Instant.parse("2026-12-03T08:00:00Z");
    // When the groups of shipments below are registered: the clock gives their events' recorded_at, and a change's
    // updated_at. Their created_at is each shipment's own: the report goes by it and updated_at, not by the events.
    private static final Instant LONG_AGO = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant AFTER_THE_PERIOD = Instant.parse("2026-12-06T09:00:00Z");

    private final MovableClock clock = new MovableClock(LONG_AGO);

    @RegisterExtension
    final DatabasePerTest database = new DatabasePerTest(this::newDatabase);

    private Persistence persistence;

    abstract DatabaseSettings newDatabase() throws Exception;

    @BeforeEach
    void open() {
        persistence = database.open(clock);
    }

    @Test
    void anEmptyDatabaseCountsNothing() {
        Figures figures = persistence.reportFigures().count(PERIOD, STALLED_BEFORE);

        assertThat(figures).isEqualTo(new Figures(Map.of(), Map.of(), 0, 0, 0, List.of()));
    }

    @Test
    void countsTheHandCountedDataSetExactly() {
        registerStalledAndNearlyStalled();
        registerThePeriodsShipments();

        Figures figures = persistence.reportFigures().count(PERIOD, STALLED_BEFORE);

        assertThat(figures.byStatus()).isEqualTo(Map.of(DELIVERED, 24L, EXCEPTION, 5L, IN_TRANSIT, 5L, CREATED, 1L,
                CANCELLED, 1L, RETURNED_TO_SENDER, 1L, OUT_FOR_DELIVERY, 1L));
        assertThat(figures.byCarrier()).isEqualTo(Map.of(
                new Carrier("DHL"), Map.of(DELIVERED, 9L, EXCEPTION, 1L, IN_TRANSIT, 3L, CREATED, 1L),
                new Carrier("UPS"), Map.of(DELIVERED, 3L, EXCEPTION, 3L, IN_TRANSIT, 1L, CANCELLED, 1L,
                        RETURNED_TO_SENDER, 1L),
                new Carrier("FEDEX"), Map.of(DELIVERED, 2L, IN_TRANSIT, 1L, EXCEPTION, 1L, OUT_FOR_DELIVERY, 1L),
                new Carrier("JPPOST"), Map.of(DELIVERED, 10L)));
        assertThat(figures.delivered()).as("D1 to D11 and the ten to Korea; D2 once").isEqualTo(21);
        assertThat(figures.exceptions()).as("E1, E2 and E5's two").isEqualTo(4);
        assertThat(figures.stalled()).as("S1, S2, S4, S9 and S10").isEqualTo(5);
        assertThat(figures.transitTimes()).containsExactly(
                // 1 h to 10 h: rank ceil(5) and ceil(9), not the last
                transit("JP", "KR", 10, hours(5), hours(9)),
                // odd: 11:59:59.999999, 24 h, 50 h; ranks ceil(1.5) = 2 and ceil(2.7) = 3
                transit("TW", "MY", 3, hours(24), hours(50)),
                transit("TW", null, 1, hours(1), hours(1)),
                // even: 10, 20, 30, 40 h; ranks 2 and ceil(3.6) = 4, no interpolation (25 h)
                transit("US", "DE", 4, hours(20), hours(40)),
                transit(null, "FR", 1, hours(5), hours(5)),
                transit(null, null, 1, hours(2), hours(2)));
    }

    @Test
    void aShipmentIsStalledUntilItIsCreatedOrChangedAtTheLimit() {
        registerStalledAndNearlyStalled();

        assertThat(persistence.reportFigures().count(PERIOD, STALLED_BEFORE).stalled())
                .as("S1, S2, S4, S9 and S10").isEqualTo(5);
        assertThat(persistence.reportFigures().count(PERIOD, STALLED_BEFORE.plusNanos(1_000)).stalled())
                .as("S3 was created and S5 changed at the limit").isEqualTo(7);
        assertThat(persistence.reportFigures().count(PERIOD, LONG_AGO).stalled())
                .as("S1 and S9, created before it and never changed; S4 was changed since").isEqualTo(2);
    }

    // Registered with the clock at LONG_AGO, except where said; STALLED_BEFORE is 2026-12-03T08:00Z. Nothing recorded
    // since means the later of created_at and updated_at (the last change's clock), whatever the events' times.
    private void registerStalledAndNearlyStalled() {
        clock.set(LONG_AGO);
        Shipment s4 = shipment("TN00000022", "DHL", "TW", "MY", "2026-11-30T00:00:00Z",
                step(RECEIVED, "2026-11-30T01:00:00Z"));
        Shipment s5 = shipment("TN00000023", "DHL", "TW", "MY", "2026-11-30T00:00:00Z",
                step(RECEIVED, "2026-11-30T01:00:00Z"));
        persistence.shipments().registerAll(List.of(
                // S1: stalled, created long before the limit, never changed
                shipment("TN00000019", "DHL", "TW", "MY", "2026-11-30T00:00:00Z",
                        step(RECEIVED, "2026-11-30T01:00:00Z"), step(IN_TRANSIT, "2026-11-30T05:00:00Z")),
                // S2: stalled, no events, created after the clock of its registration but before the limit
                shipment("TN00000020", "DHL", "TW", "MY", "2026-12-02T00:00:00Z"),
                // S3: created exactly at the limit, so not stalled, though its events are long before it
                shipment("TN00000021", "UPS", "TW", "MY", "2026-12-03T08:00:00Z",
                        step(RECEIVED, "2026-11-30T01:00:00Z"), step(IN_TRANSIT, "2026-11-30T05:00:00Z")),
                s4, s5,
                // S6, S7, S8: final, never stalled
                shipment("TN00000024", "DHL", "TW", "MY", "2026-11-30T00:00:00Z",
                        step(IN_TRANSIT, "2026-11-30T01:00:00Z"), step(DELIVERED, "2026-11-30T05:00:00Z")),
                shipment("TN00000025", "UPS", "TW", "MY", "2026-11-30T00:00:00Z",
                        step(CANCELLED, "2026-11-30T01:00:00Z")),
                shipment("TN00000026", "UPS", "TW", "MY", "2026-11-30T00:00:00Z",
                        step(RECEIVED, "2026-11-30T01:00:00Z"), step(RETURNED_TO_SENDER, "2026-11-30T10:00:00Z")),
                // S9: an exception is not final
                shipment("TN00000027", "FEDEX", "TW", "MY", "2026-11-30T00:00:00Z",
                        step(RECEIVED, "2026-11-30T01:00:00Z"), step(EXCEPTION, "2026-11-30T05:00:00Z"))));
        // S4: changed 1 µs before the limit (updated_at), so stalled; S5: changed exactly at the limit, so not
        clock.set(STALLED_BEFORE.minusNanos(1_000));
        append(s4, step(IN_TRANSIT, "2026-12-02T00:00:00Z"));
        clock.set(STALLED_BEFORE);
        append(s5, step(IN_TRANSIT, "2026-12-02T00:00:00Z"));
        // S10: created 1 µs before the limit, so stalled, though registered (its events recorded) at the limit
        persistence.shipments().registerAll(List.of(shipment("TN00000028", "FEDEX", "TW", "MY",
                "2026-12-03T07:59:59.999999Z", step(RECEIVED, "2026-11-01T01:00:00Z"),
                step(OUT_FOR_DELIVERY, "2026-11-02T00:00:00Z"))));
    }

    // Created after the limit, so none is stalled. The period is 2026-12-06 from 00:00 to 08:00 UTC.
    private void registerThePeriodsShipments() {
        clock.set(AFTER_THE_PERIOD);
        List<Shipment> shipments = new ArrayList<>(List.of(
                // D1: delivered at the period's start, written in +08:00; 24 h
                shipment("TN00000001", "DHL", "TW", "MY", "2026-12-05T00:00:00Z",
                        step(IN_TRANSIT, "2026-12-05T01:00:00Z"), step(DELIVERED, "2026-12-06T08:00:00+08:00")),
                // D2: 50 h to its first delivery; delivered once more in the period below
                shipment("TN00000002", "DHL", "TW", "MY", "2026-12-04T00:00:00Z",
                        step(RECEIVED, "2026-12-04T01:00:00Z"), step(IN_TRANSIT, "2026-12-05T00:00:00Z"),
                        step(DELIVERED, "2026-12-06T02:00:00Z")),
                // D3: the last microsecond of the period; 11:59:59.999999
                shipment("TN00000003", "UPS", "TW", "MY", "2026-12-05T20:00:00Z",
                        step(IN_TRANSIT, "2026-12-05T20:30:00Z"), step(DELIVERED, "2026-12-06T07:59:59.999999Z")),
                // D4 to D7: 10, 20, 30 and 40 h to 04:00
                delivered("TN00000004", "UPS", "US", "DE", "2026-12-05T18:00:00Z", "2026-12-06T04:00:00Z"),
                delivered("TN00000005", "UPS", "US", "DE", "2026-12-05T08:00:00Z", "2026-12-06T04:00:00Z"),
                delivered("TN00000006", "FEDEX", "US", "DE", "2026-12-04T22:00:00Z", "2026-12-06T04:00:00Z"),
                delivered("TN00000007", "FEDEX", "US", "DE", "2026-12-04T12:00:00Z", "2026-12-06T04:00:00Z"),
                // D8 to D10: unknown countries
                delivered("TN00000008", "DHL", null, "FR", "2026-12-06T00:00:00Z", "2026-12-06T05:00:00Z"),
                delivered("TN00000009", "DHL", "TW", null, "2026-12-06T01:00:00Z", "2026-12-06T02:00:00Z"),
                delivered("TN00000010", "DHL", null, null, "2026-12-06T01:00:00Z", "2026-12-06T03:00:00Z"),
                // D11: delivered before it was registered: delivered, without a transit time
                shipment("TN00000011", "DHL", "GB", "GB", "2026-12-06T06:00:00Z",
                        step(IN_TRANSIT, "2026-12-06T01:00:00Z"), step(DELIVERED, "2026-12-06T03:00:00Z")),
                // outside: a microsecond before the period, and at its end
                delivered("TN00000012", "DHL", "TW", "MY", "2026-12-05T00:00:00Z", "2026-12-05T23:59:59.999999Z"),
                delivered("TN00000013", "DHL", "TW", "MY", "2026-12-05T00:00:00Z", "2026-12-06T08:00:00Z"),
                // E1, E2 inside (at the start, a second before the end); E3, E4 outside (at the end, a second before)
                excepted("TN00000014", "DHL", "2026-12-06T00:00:00Z"),
                excepted("TN00000015", "UPS", "2026-12-06T07:59:59Z"),
                excepted("TN00000016", "UPS", "2026-12-06T08:00:00Z"),
                excepted("TN00000017", "UPS", "2026-12-05T23:59:59Z"),
                // E5: two exceptions in the period, then on its way again
                shipment("TN00000018", "FEDEX", "TW", "MY", "2026-12-05T00:00:00Z",
                        step(RECEIVED, "2026-12-05T01:00:00Z"), step(EXCEPTION, "2026-12-06T01:00:00Z"),
                        step(EXCEPTION, "2026-12-06T02:00:00Z"), step(IN_TRANSIT, "2026-12-06T03:00:00Z"))));
        // Ten to Korea, i hours each, delivered at 06:00
        IntStream.rangeClosed(1, 10).forEach(i -> shipments.add(delivered(String.format("JP%08d", i), "JPPOST", "JP",
                "KR", Instant.parse("2026-12-06T06:00:00Z").minus(hours(i)).toString(), "2026-12-06T06:00:00Z")));
        persistence.shipments().registerAll(shipments);
        // A second delivery of D2 in the period, and one of D1 before it, as data from elsewhere may hold (the domain
        // records nothing after a delivery): D2 counts once and keeps its first; D1 is measured from its delivery in
        // the period.
        insertDelivery("TN00000002", "again", "2026-12-06T05:00:00Z");
        insertDelivery("TN00000001", "before", "2026-12-05T23:00:00Z");
    }

    private void append(Shipment stored, Step step) {
        Shipment.Recording recording = stored.record(List.of(event(stored.events().size(), step)));
        persistence.shipments().append(recording.shipment(), stored.version(), recording.added());
    }

    private void insertDelivery(String number, String eventId, String time) {
        Object at = database.settings().engine().time(OffsetDateTime.parse(time));
        TestDatabases.jdbi(database.settings()).useHandle(handle -> handle.createUpdate("""
                        INSERT INTO tracking_events (shipment_id, shipment_version, event_id, event_time, event_offset,
                            event_nano, status, carrier_status, recorded_at)
                        SELECT id, 0, :event_id, :time, 0, 0, 'delivered', 'Delivered', :time
                        FROM shipments WHERE tracking_number = :number
                        """)
                .bind("event_id", eventId)
                .bind("time", at)
                .bind("number", number)
                .execute());
    }

    private static Shipment delivered(String number, String carrier, String origin, String destination,
            String createdAt, String deliveredAt) {
        Instant created = Instant.parse(createdAt);
        return shipment(number, carrier, origin, destination, createdAt,
                step(IN_TRANSIT, created.plus(Duration.ofMinutes(10)).toString()), step(DELIVERED, deliveredAt));
    }

    private static Shipment excepted(String number, String carrier, String at) {
        return shipment(number, carrier, "TW", "MY", "2026-12-05T00:00:00Z", step(RECEIVED, "2026-12-05T01:00:00Z"),
                step(EXCEPTION, at));
    }

    private static Shipment shipment(String number, String carrier, String origin, String destination,
            String createdAt, Step... steps) {
        ShipmentDetails details = new ShipmentDetails(Optional.ofNullable(origin).map(CountryCode::of),
                Optional.ofNullable(destination).map(CountryCode::of), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), true);
        List<TrackingEvent> history =
                IntStream.range(0, steps.length).mapToObj(i -> event(i, steps[i])).toList();
        return Shipment.register(StoredShipments.key(number, carrier), details, history, Instant.parse(createdAt));
    }

    private static TrackingEvent event(int index, Step step) {
        return StoredShipments.event("ev-" + (index + 1), OffsetDateTime.parse(step.time()), step.status());
    }

    private static Step step(ShipmentStatus status, String time) {
        return new Step(status, time);
    }

    private static TransitTimes transit(String origin, String destination, long delivered, Duration median,
            Duration p90) {
        return new TransitTimes(Optional.ofNullable(origin).map(CountryCode::of),
                Optional.ofNullable(destination).map(CountryCode::of), delivered, median, p90);
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }

    private record Step(ShipmentStatus status, String time) {}
}
