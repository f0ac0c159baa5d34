package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.domain.CarrierTrackingNumber;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a read may take from a replica that holds what the primary held at a time, given the changes learnt. */
class RecentChangesTest {

    private static final CarrierTrackingNumber CHANGED = new CarrierTrackingNumber("TN10000001");
    private static final CarrierTrackingNumber OTHER = new CarrierTrackingNumber("TN10000002");

    private final RecentChanges changes = new RecentChanges();

    @Test
    void aChangeIsHeldOnlyByAReplicaThatHoldsWhatThePrimaryHeldAfterItWasLearnt() {
        changes.changed(Set.of(CHANGED), 100);

        assertThat(changes.heldAt(CHANGED, 100)).isFalse();
        assertThat(changes.heldAt(CHANGED, 101)).isTrue();
        assertThat(changes.heldAt(OTHER, 0)).isTrue();
        assertThat(changes.allHeldAt(100)).isFalse();
        assertThat(changes.allHeldAt(101)).isTrue();
    }

    @Test
    void aNumberIsForgottenOnceHeldButAChangeLearntLaterStays() {
        changes.changed(Set.of(CHANGED), 100);
        changes.changed(Set.of(OTHER), 200);

        changes.forgetHeld(150);

        assertThat(changes.waiting()).isEqualTo(1);
        assertThat(changes.heldAt(OTHER, 150)).isFalse();
        assertThat(changes.heldAt(CHANGED, 0)).as("forgotten: held by any replica that holds anything").isTrue();
    }

    @Test
    void changesToEveryShipmentHoldBackEveryRead() {
        changes.changedAll(100);

        assertThat(changes.heldAt(OTHER, 100)).isFalse();
        assertThat(changes.allHeldAt(100)).isFalse();
        assertThat(changes.heldAt(OTHER, 101)).isTrue();
    }

    @Test
    void pastTheBoundTheNumbersAreForgottenAndEveryNumberWaitsForTheNewestOfTheirChanges() {
        List<CarrierTrackingNumber> many = IntStream.rangeClosed(1, RecentChanges.MAX_NUMBERS + 1)
                .mapToObj(i -> new CarrierTrackingNumber("TN" + (20_000_000 + i))).toList();
        changes.changed(Set.copyOf(many.subList(0, 10)), 300);
        changes.changed(Set.copyOf(many.subList(10, many.size())), 200);

        assertThat(changes.waiting()).isZero();
        assertThat(changes.heldAt(OTHER, 300)).as("every number waits for the newest change, 300").isFalse();
        assertThat(changes.heldAt(OTHER, 301)).isTrue();
    }
}
