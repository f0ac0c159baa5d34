package io.waybill.domain;

import static io.waybill.domain.Histories.inTimeOrder;
import static io.waybill.domain.Histories.isLegal;
import static io.waybill.domain.ShipmentStatus.CREATED;
import static io.waybill.domain.ShipmentStatus.DELIVERED;
import static io.waybill.domain.ShipmentStatus.IN_TRANSIT;
import static io.waybill.domain.ShipmentStatus.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Events recorded out of time order. Each recording is judged on the history it makes: the stored events and the
 * new ones, in time order. So one batch in any order is accepted exactly when the whole history is legal, with the
 * in-order result. Recorded one at a time, a legal history's events succeed, with exactly the in-order history, if
 * and only if every intermediate history (the events recorded so far, in time order) is legal; otherwise the first
 * event whose insertion breaks the rules is refused. A history is never accepted into a different or illegal state.
 * Orders in which the events recorded so far are always an unbroken stretch of the final history (in order, newest
 * first, growing outwards from any event) always succeed, since each new event then meets only its final
 * neighbours.
 */
class ShuffledHistoriesTest {

    private static final int HISTORIES = 500;
    private static final List<ZoneOffset> OFFSETS =
            List.of(ZoneOffset.UTC, ZoneOffset.ofHours(8), ZoneOffset.ofHours(-5), ZoneOffset.ofHoursMinutes(5, 30));

    private final Random random = new Random(20240304);

    @Test
    void inAnyOrderEventByEventTheResultIsTheInOrderOneOrTheFirstIllegalStepIsRefused() {
        int accepted = 0;
        for (int i = 0; i < HISTORIES; i++) {
            List<TrackingEvent> history = legalHistory();
            List<TrackingEvent> shuffled = shuffled(history);
            int firstIllegal = firstIllegalStep(shuffled);

            Shipment shipment = Histories.empty();
            int refusedAt = -1;
            for (int step = 0; step < shuffled.size() && refusedAt < 0; step++) {
                try {
                    shipment = shipment.record(List.of(shuffled.get(step))).shipment();
                } catch (IllegalTransitionException refused) {
                    assertThat(refused.event()).isEqualTo(shuffled.get(step));
                    refusedAt = step;
                }
            }

            assertThat(refusedAt).as("refused at the first illegal step of %s", shuffled).isEqualTo(firstIllegal);
            int recorded = refusedAt < 0 ? shuffled.size() : refusedAt;
            assertThat(shipment.events()).isEqualTo(inTimeOrder(shuffled.subList(0, recorded)));
            assertThat(isLegal(shipment.events())).isTrue();
            if (refusedAt < 0) {
                accepted++;
                assertThat(shipment).isEqualTo(Histories.empty().record(history).shipment());
                assertThat(shipment.status()).isEqualTo(history.get(history.size() - 1).status());
            }
        }
        // Both outcomes occur, so both branches above are exercised (with this seed, 400 of 500 are accepted).
        assertThat(accepted).isBetween(HISTORIES / 10, HISTORIES - HISTORIES / 10);
    }

    @Test
    void aShuffledBatchIsJudgedOnTheHistoryItMakesAllOrNothing() {
        int refusals = 0;
        for (int i = 0; i < HISTORIES; i++) {
            List<TrackingEvent> history = legalHistory();
            int half = history.size() / 2;
            Shipment before = Histories.empty().record(history.subList(0, half)).shipment();
            List<TrackingEvent> rest = new ArrayList<>(history.subList(half, history.size()));

            assertThat(before.record(shuffled(rest)).shipment().events()).isEqualTo(history);

            TrackingEvent intruder = Histories.event("intruder", history.get(random.nextInt(history.size())).time()
                    .plusSeconds(30), ShipmentStatus.values()[random.nextInt(ShipmentStatus.values().length)]);
            rest.add(intruder);
            List<TrackingEvent> withIntruder = new ArrayList<>(history);
            withIntruder.add(intruder);
            List<TrackingEvent> resulting = inTimeOrder(withIntruder);
            try {
                assertThat(before.record(shuffled(rest)).shipment().events()).isEqualTo(resulting);
                assertThat(isLegal(resulting)).as("accepted %s", resulting).isTrue();
            } catch (IllegalTransitionException refused) {
                refusals++;
                assertThat(isLegal(resulting)).as("refused %s", resulting).isFalse();
                assertThat(before.events()).isEqualTo(history.subList(0, half));
            }
        }
        // Both outcomes occur, so both branches above are exercised.
        assertThat(refusals).isBetween(HISTORIES / 10, HISTORIES - HISTORIES / 10);
    }

    @Test
    void ordersThatGrowOneStretchOfTheHistoryAreAlwaysAccepted() {
        for (int i = 0; i < HISTORIES; i++) {
            List<TrackingEvent> history = legalHistory();
            List<TrackingEvent> reversed = new ArrayList<>(history);
            Collections.reverse(reversed);
            List<TrackingEvent> outwards = growingOutwards(history);
            Shipment inOrder = Histories.empty().record(history).shipment();

            assertThat(Histories.empty().record(reversed).shipment()).isEqualTo(inOrder);
            assertThat(Histories.empty().record(outwards).shipment()).isEqualTo(inOrder);
            Shipment eventByEvent = Histories.empty();
            for (TrackingEvent event : outwards) {
                eventByEvent = eventByEvent.record(List.of(event)).shipment();
            }
            assertThat(eventByEvent).isEqualTo(inOrder);
        }
    }

    @Test
    void aBatchWhoseHistoryIsLegalIsAcceptedInAnyOrder() {
        List<TrackingEvent> history = Histories.chain(CREATED, RECEIVED, IN_TRANSIT, DELIVERED);
        List<TrackingEvent> batch = List.of(history.get(0), history.get(3), history.get(1), history.get(2));

        assertThatCode(() -> Histories.empty().record(batch)).doesNotThrowAnyException();
    }

    /** The index of the first event whose recording leaves an illegal history; -1 when there is none. */
    private static int firstIllegalStep(List<TrackingEvent> order) {
        for (int step = 0; step < order.size(); step++) {
            if (!isLegal(inTimeOrder(order.subList(0, step + 1)))) {
                return step;
            }
        }
        return -1;
    }

    /**
     * A random walk through the test's own table: 2 to 10 events at strictly increasing instants, in assorted
     * offsets; only the last may be final, and cancelled only before hand-over.
     */
    private List<TrackingEvent> legalHistory() {
        int length = 2 + random.nextInt(9);
        Instant time = Instant.parse("2024-03-04T00:00:00Z");
        List<TrackingEvent> history = new ArrayList<>();
        List<ShipmentStatus> candidates = List.of(ShipmentStatus.values());
        while (history.size() < length) {
            boolean last = history.size() == length - 1;
            boolean handedOver = Histories.handedOver(history);
            List<ShipmentStatus> allowed = candidates.stream()
                    .filter(status -> last || !ShipmentStatusTest.ALLOWED.get(status).isEmpty())
                    .filter(status -> status != ShipmentStatus.CANCELLED || !handedOver)
                    .toList();
            ShipmentStatus status = allowed.get(random.nextInt(allowed.size()));
            OffsetDateTime local = time.atOffset(OFFSETS.get(random.nextInt(OFFSETS.size())));
            history.add(Histories.event("ev-" + history.size(), local, status));
            candidates = List.copyOf(ShipmentStatusTest.ALLOWED.get(status));
            time = time.plusSeconds(60L + random.nextInt(86_400));
        }
        return List.copyOf(history);
    }

    private List<TrackingEvent> shuffled(List<TrackingEvent> events) {
        List<TrackingEvent> copy = new ArrayList<>(events);
        Collections.shuffle(copy, random);
        return copy;
    }

    /** Starts at a random event, then adds the event just before or just after the stretch recorded so far. */
    private List<TrackingEvent> growingOutwards(List<TrackingEvent> history) {
        int low = random.nextInt(history.size());
        int high = low;
        List<TrackingEvent> order = new ArrayList<>(List.of(history.get(low)));
        while (order.size() < history.size()) {
            boolean down = high == history.size() - 1 || (low > 0 && random.nextBoolean());
            order.add(down ? history.get(--low) : history.get(++high));
        }
        return order;
    }
}
