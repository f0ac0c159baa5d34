package io.waybill.domain;

import static io.waybill.domain.ShipmentStatus.CREATED;
import static io.waybill.domain.ShipmentStatus.DELIVERED;
import static io.waybill.domain.ShipmentStatus.DELIVERY_ATTEMPTED;
import static io.waybill.domain.ShipmentStatus.EXCEPTION;
import static io.waybill.domain.ShipmentStatus.IN_TRANSIT;
import static io.waybill.domain.ShipmentStatus.OUT_FOR_DELIVERY;
import static io.waybill.domain.ShipmentStatus.RECEIVED;
import static io.waybill.domain.ShipmentStatus.RETURNED_TO_SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every history the original logistics system's fake-data generator could produce (product.md, section 2) is
 * accepted: Created and Package Received at the sender's centre, In Transit at 1 to 3 transit centres (any of them
 * an Exception instead, which ends the history), then either the parcel stays on the way, or Out for Delivery and
 * Delivery Attempted at the receiver's centre (either an Exception instead), then Returned to Sender, Delivered or
 * an Exception.
 */
class LifecycleHistoriesTest {

    private static final Location.Centre SENDER = Histories.centre("1", "Taipei Logistics Centre");
    private static final Location.Centre RECEIVER = Histories.centre("16", "Kaohsiung Logistics Centre");
    private static final List<Location.Centre> TRANSIT = List.of(Histories.centre("5", "Taoyuan Transit Centre"),
            Histories.centre("8", "Taichung Transit Centre"), Histories.centre("12", "Tainan Transit Centre"));

    private record Step(ShipmentStatus status, Location.Centre centre) {}

    static List<Named<List<TrackingEvent>>> everyLifecycleHistory() {
        Set<List<Step>> histories = new LinkedHashSet<>(); // an exception at the first centres repeats for 2 and 3
        for (int transitCentres = 1; transitCentres <= 3; transitCentres++) {
            List<Step> steps = new ArrayList<>(List.of(new Step(CREATED, SENDER), new Step(RECEIVED, SENDER)));
            for (Location.Centre centre : TRANSIT.subList(0, transitCentres)) {
                histories.add(with(steps, new Step(EXCEPTION, centre)));
                steps.add(new Step(IN_TRANSIT, centre));
            }
            histories.add(List.copyOf(steps)); // stays on the way
            for (ShipmentStatus next : List.of(OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED)) {
                histories.add(with(steps, new Step(EXCEPTION, RECEIVER)));
                steps.add(new Step(next, RECEIVER));
            }
            histories.add(with(steps, new Step(RETURNED_TO_SENDER, SENDER)));
            histories.add(with(steps, new Step(DELIVERED, RECEIVER)));
            histories.add(with(steps, new Step(EXCEPTION, RECEIVER)));
        }
        return histories.stream().map(LifecycleHistoriesTest::events).toList();
    }

    @Test
    void thereAre21DistinctHistories() {
        // An exception at the 1st, 2nd or 3rd transit centre; for each of 1 to 3 transit centres, staying on the
        // way, an exception instead of out for delivery or of the attempt, and the 3 ends: 3 + 3 * 6.
        assertThat(everyLifecycleHistory()).hasSize(21)
                .extracting(named -> named.getPayload().stream()
                        .map(event -> event.status() + "@" + event.location().orElseThrow().title()).toList())
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("everyLifecycleHistory")
    void isAcceptedAsOneBatch(List<TrackingEvent> history) {
        Shipment shipment = Shipment.register(Histories.KEY, Histories.details("TW", "TW"), history,
                Histories.REGISTERED);

        assertThat(shipment.events()).containsExactlyElementsOf(history);
        TrackingEvent last = history.get(history.size() - 1);
        assertThat(shipment.status()).isEqualTo(last.status());
        assertThat(shipment.currentLocation()).isEqualTo(last.location());
        assertThat(shipment.estimatedDelivery().isEmpty()).isEqualTo(last.status() == RETURNED_TO_SENDER);
    }

    @ParameterizedTest
    @MethodSource("everyLifecycleHistory")
    void isAcceptedEventByEvent(List<TrackingEvent> history) {
        Shipment shipment = Histories.empty();
        for (TrackingEvent event : history) {
            Shipment.Recording recording = shipment.record(List.of(event));
            assertThat(recording.added()).containsExactly(event);
            shipment = recording.shipment();
            assertThat(shipment.status()).isEqualTo(event.status());
        }

        assertThat(shipment.events()).containsExactlyElementsOf(history);
        assertThat(shipment).isEqualTo(Histories.empty().record(history).shipment());
    }

    private static List<Step> with(List<Step> steps, Step last) {
        List<Step> history = new ArrayList<>(steps);
        history.add(last);
        return List.copyOf(history);
    }

    private static Named<List<TrackingEvent>> events(List<Step> steps) {
        List<TrackingEvent> events = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            events.add(Histories.event("ev-" + (i + 1), Histories.START.plusHours(6L * i), step.status(),
                    step.centre()));
        }
        String name = steps.stream().map(step -> step.status().label()).collect(Collectors.joining(" > "));
        return Named.of(name, List.copyOf(events));
    }
}
