package io.waybill.domain;

import static io.waybill.domain.Histories.START;
import static io.waybill.domain.Histories.chain;
import static io.waybill.domain.Histories.empty;
import static io.waybill.domain.Histories.event;
import static io.waybill.domain.ShipmentStatus.CREATED;
import static io.waybill.domain.ShipmentStatus.DELIVERED;
import static io.waybill.domain.ShipmentStatus.DELIVERY_ATTEMPTED;
import static io.waybill.domain.ShipmentStatus.IN_TRANSIT;
import static io.waybill.domain.ShipmentStatus.OUT_FOR_DELIVERY;
import static io.waybill.domain.ShipmentStatus.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.domain.Shipment.Outcome;
import io.waybill.domain.Shipment.Recording;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentTest {

    private final List<TrackingEvent> three = chain(CREATED, RECEIVED, IN_TRANSIT);

    @Test
    void withoutEventsItIsCreatedAndNowhere() {
        Shipment shipment = empty();

        assertThat(shipment.status()).isEqualTo(CREATED);
        assertThat(shipment.latest()).isEmpty();
        assertThat(shipment.currentLocation()).isEmpty();
    }

    @Test
    void registersAFirstHistory() {
        Shipment shipment = Shipment.register(Histories.KEY, Histories.details("TW", "TW"), three,
                Histories.REGISTERED);

        assertThat(shipment.events()).containsExactlyElementsOf(three);
        assertThat(shipment.status()).isEqualTo(IN_TRANSIT);
        assertThat(shipment.version()).isZero();
        assertThat(shipment.createdAt()).isEqualTo(Histories.REGISTERED);
    }

    @Test
    void refusesToRegisterAnIllegalHistory() {
        assertThatThrownBy(() -> Shipment.register(Histories.KEY, Histories.details("TW", "TW"),
                        chain(CREATED, DELIVERED), Histories.REGISTERED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("cannot move from created to delivered");
    }

    @Test
    void theFirstEventMayHaveAnyStatus() {
        assertThat(empty().record(chain(OUT_FOR_DELIVERY)).shipment().status()).isEqualTo(OUT_FOR_DELIVERY);
    }

    @Test
    void recordsNewEventsAndSaysWhichAreNew() {
        Shipment shipment = empty().record(three.subList(0, 2)).shipment();

        Recording recording = shipment.record(List.of(three.get(2)));

        assertThat(recording.added()).containsExactly(three.get(2));
        assertThat(recording.outcomes()).containsExactly(new Outcome(three.get(2), false));
        assertThat(recording.shipment().events()).containsExactlyElementsOf(three);
        assertThat(shipment.events()).as("the shipment itself is unchanged").hasSize(2);
    }

    @Test
    void anEventIdSeenBeforeChangesNothingAndIsAnsweredWithTheStoredEvent() {
        Shipment shipment = empty().record(three).shipment();
        TrackingEvent again = event("ev-2", START.plusDays(3), DELIVERED);

        Recording recording = shipment.record(List.of(again));

        assertThat(recording.outcomes()).containsExactly(new Outcome(three.get(1), true));
        assertThat(recording.added()).isEmpty();
        assertThat(recording.shipment()).isEqualTo(shipment);
    }

    @Test
    void anEventIdTwiceInOneBatchIsRecordedOnce() {
        TrackingEvent first = event("ev-9", START, RECEIVED);
        TrackingEvent second = event("ev-9", START.plusHours(1), IN_TRANSIT);

        Recording recording = empty().record(List.of(first, second, first));

        assertThat(recording.added()).containsExactly(first);
        assertThat(recording.outcomes()).containsExactly(
                new Outcome(first, false), new Outcome(first, true), new Outcome(first, true));
        assertThat(recording.shipment().events()).containsExactly(first);
    }

    @Test
    void oneIllegalEventInABatchAddsNothing() {
        Shipment shipment = empty().record(chain(CREATED, RECEIVED)).shipment();
        List<TrackingEvent> batch = List.of(event("ev-3", START.plusHours(2), IN_TRANSIT),
                event("ev-4", START.plusHours(3), DELIVERED), event("ev-5", START.plusHours(4), IN_TRANSIT));

        assertThatThrownBy(() -> shipment.record(batch))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        refused -> assertThat(refused.event()).isEqualTo(batch.get(2)))
                .hasMessage("Event ev-5 at 2024-03-04T12:00+08:00: cannot move from delivered to in transit"
                        + " (delivered is final)");
        assertThat(shipment.events()).hasSize(2);
    }

    @Test
    void anEarlierEventGoesToItsPlaceInTime() {
        Shipment shipment = empty().record(List.of(three.get(0), three.get(2))).shipment();

        Shipment completed = shipment.record(List.of(three.get(1))).shipment();

        assertThat(completed.events()).containsExactlyElementsOf(three);
        assertThat(completed.status()).isEqualTo(IN_TRANSIT);
    }

    @Test
    void anEarlierEventMustFitTheEventBeforeIt() {
        Shipment shipment = empty().record(List.of(three.get(0), three.get(2))).shipment();

        assertThatThrownBy(() -> shipment.record(List.of(event("late", START.plusMinutes(30), OUT_FOR_DELIVERY))))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageEndingWith("cannot move from created to out for delivery");
    }

    @Test
    void anEarlierEventMustFitTheEventAfterIt() {
        Shipment shipment = empty().record(chain(OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED)).shipment();

        assertThatThrownBy(() -> shipment.record(List.of(event("late", START.plusMinutes(30), IN_TRANSIT))))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageEndingWith("cannot move from in transit to delivery attempted");
    }

    @Test
    void ordersByInstantWhateverTheOffset() {
        TrackingEvent taipei = event("taipei", "2024-03-04T09:00+08:00", RECEIVED); // 01:00Z
        TrackingEvent london = event("london", "2024-03-04T00:30Z", CREATED);

        assertThat(empty().record(List.of(taipei, london)).shipment().events()).containsExactly(london, taipei);
    }

    @Test
    void eventsAtOneInstantStayInTheOrderRecorded() {
        TrackingEvent received = event("a", START, RECEIVED);
        TrackingEvent inTransit = event("b", START.withOffsetSameInstant(ZoneOffset.UTC), IN_TRANSIT);

        assertThat(empty().record(List.of(received, inTransit)).shipment().events())
                .containsExactly(received, inTransit);
        assertThatThrownBy(() -> empty().record(List.of(inTransit, received)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageEndingWith("cannot move from in transit to package received");
    }

    @Test
    void theCurrentLocationIsTheLatestOneKnown() {
        Location.Centre taipei = Histories.centre("1", "Taipei Hub");
        Location.Centre tainan = Histories.centre("7", "Tainan Depot");
        Shipment shipment = empty().record(List.of(event("ev-1", START, RECEIVED, taipei),
                event("ev-2", START.plusHours(1), IN_TRANSIT, tainan),
                event("ev-3", START.plusHours(2), OUT_FOR_DELIVERY))).shipment();

        assertThat(shipment.currentLocation()).contains(tainan);
        assertThat(shipment.latest()).contains(shipment.events().get(2));
    }

    @Test
    void findsAnEventById() {
        Shipment shipment = empty().record(three).shipment();

        assertThat(shipment.event(new EventId("ev-2"))).contains(three.get(1));
        assertThat(shipment.event(new EventId("ev-4"))).isEmpty();
    }

    @Test
    void theEstimateIsTheDeliveryEstimates() {
        Shipment shipment = empty().record(chain(RECEIVED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED)).shipment();

        assertThat(shipment.estimatedDelivery()).isEqualTo(DeliveryEstimate.of(shipment))
                .contains(LocalDate.of(2024, 3, 4));
    }

    @Test
    void aNewVersionKeepsEverythingElse() {
        Shipment shipment = empty().record(three).shipment();

        Shipment next = shipment.withVersion(7);

        assertThat(next.version()).isEqualTo(7);
        assertThat(next).usingRecursiveComparison().ignoringFields("version").isEqualTo(shipment);
    }

    @Test
    void itsListsCannotBeChanged() {
        List<TrackingEvent> events = new ArrayList<>(three);
        Shipment shipment = new Shipment(Histories.KEY, Histories.details("TW", "TW"), events,
                Histories.REGISTERED, 0);
        events.clear();

        assertThat(shipment.events()).hasSize(3);
        assertThatThrownBy(() -> shipment.events().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
