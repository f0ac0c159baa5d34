package io.waybill.domain;

import static io.waybill.domain.ShipmentStatus.CANCELLED;
import static io.waybill.domain.ShipmentStatus.CREATED;
import static io.waybill.domain.ShipmentStatus.DELIVERED;
import static io.waybill.domain.ShipmentStatus.EXCEPTION;
import static io.waybill.domain.ShipmentStatus.IN_TRANSIT;
import static io.waybill.domain.ShipmentStatus.RECEIVED;
import static io.waybill.domain.ShipmentStatus.RETURNED_TO_SENDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ShipmentStatusTest {

    /**
     * The transition table, written out a second time on purpose: a change to {@link ShipmentStatus}'s table must be
     * made here too. Rows are the status before, columns the status after, in declaration order; {@code x} allowed.
     */
    private static final String TABLE = """
                                  CRE REC TRA OFD AFP ATT DEL RTS EXC CAN
            CREATED                x   x   x   .   .   .   .   .   x   x
            RECEIVED               .   x   x   x   x   .   .   x   x   .
            IN_TRANSIT             .   .   x   x   x   .   x   x   x   .
            OUT_FOR_DELIVERY       .   .   x   x   x   x   x   x   x   .
            AVAILABLE_FOR_PICKUP   .   .   .   x   x   .   x   x   x   .
            DELIVERY_ATTEMPTED     .   .   x   x   x   x   x   x   x   .
            DELIVERED              .   .   .   .   .   .   .   .   .   .
            RETURNED_TO_SENDER     .   .   .   .   .   .   .   .   .   .
            EXCEPTION              .   x   x   x   x   x   x   x   x   x
            CANCELLED              .   .   .   .   .   .   .   .   .   .
            """;

    static final Map<ShipmentStatus, Set<ShipmentStatus>> ALLOWED = parse(TABLE);

    static boolean allowed(ShipmentStatus before, ShipmentStatus after) {
        return ALLOWED.get(before).contains(after);
    }

    static Stream<Arguments> everyOrderedPair() {
        return Arrays.stream(ShipmentStatus.values()).flatMap(before -> Arrays.stream(ShipmentStatus.values())
                .map(after -> Arguments.of(before, after, allowed(before, after))));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyOrderedPair")
    void followsTheTable(ShipmentStatus before, ShipmentStatus after, boolean expected) {
        assertThat(before.canMoveTo(after)).isEqualTo(expected);
    }

    @Test
    void theTableCoversEveryPair() {
        assertThat(everyOrderedPair()).hasSize(100);
        assertThat(ALLOWED).containsOnlyKeys(ShipmentStatus.values());
    }

    @Test
    void exactlyDeliveredReturnedAndCancelledAreFinal() {
        assertThat(Arrays.stream(ShipmentStatus.values()).filter(ShipmentStatus::isFinal))
                .containsExactlyInAnyOrder(DELIVERED, RETURNED_TO_SENDER, CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(names = {"DELIVERED", "RETURNED_TO_SENDER", "CANCELLED"})
    void finalStatusesAcceptNothingNotEvenThemselves(ShipmentStatus finalStatus) {
        assertThat(ShipmentStatus.values()).noneMatch(finalStatus::canMoveTo);
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = {"DELIVERED", "RETURNED_TO_SENDER", "CANCELLED"})
    void everyOtherStatusMayRepeatAndMayBecomeAnException(ShipmentStatus status) {
        assertThat(status.isFinal()).isFalse();
        assertThat(status.canMoveTo(status)).isTrue();
        assertThat(status.canMoveTo(EXCEPTION)).isTrue();
    }

    @Test
    void saysWhyAMoveIsRefused() {
        assertThat(DELIVERED.refusal(IN_TRANSIT))
                .isEqualTo("cannot move from delivered to in transit (delivered is final)");
        assertThat(CREATED.refusal(DELIVERED)).isEqualTo("cannot move from created to delivered");
        assertThat(RECEIVED.refusal(CREATED)).isEqualTo("cannot move from package received to created");
        assertThat(CANCELLED.refusal(CANCELLED))
                .isEqualTo("cannot move from cancelled to cancelled (cancelled is final)");
    }

    @ParameterizedTest
    @EnumSource
    void codesAreLowerCaseNamesAndRoundTrip(ShipmentStatus status) {
        assertThat(status.code()).matches("[a-z_]+").isEqualTo(status.name().toLowerCase(Locale.ROOT));
        assertThat(ShipmentStatus.fromCode(status.code())).contains(status);
    }

    @Test
    void unknownCodesAreAbsent() {
        assertThat(ShipmentStatus.fromCode("IN_TRANSIT")).isEmpty();
        assertThat(ShipmentStatus.fromCode("In Transit")).isEmpty();
        assertThat(ShipmentStatus.fromCode(null)).isEmpty();
    }

    @Test
    void labelsAreTheLogisticsSystemsWording() {
        assertThat(Arrays.stream(ShipmentStatus.values()).map(ShipmentStatus::label)).containsExactly("Created",
                "Package Received", "In Transit", "Out for Delivery", "Available for Pickup", "Delivery Attempted",
                "Delivered", "Returned to Sender", "Exception", "Cancelled");
    }

    @Test
    void aParcelTheCarrierHadIsNeverCancelledEvenAfterAnException() {
        Shipment received = Histories.empty().record(Histories.chain(CREATED, RECEIVED, EXCEPTION)).shipment();

        assertThatThrownBy(() -> received.record(
                        List.of(Histories.event("ev-4", Histories.START.plusHours(3), CANCELLED))))
                .isInstanceOf(IllegalTransitionException.class);
    }

    private static Map<ShipmentStatus, Set<ShipmentStatus>> parse(String table) {
        List<String> rows = table.lines().skip(1).filter(line -> !line.isBlank()).toList();
        ShipmentStatus[] columns = ShipmentStatus.values();
        Map<ShipmentStatus, Set<ShipmentStatus>> allowed = new EnumMap<>(ShipmentStatus.class);
        for (String row : rows) {
            String[] cells = row.strip().split("\\s+");
            if (cells.length != columns.length + 1) {
                throw new IllegalStateException("a row of the table needs " + columns.length + " cells: " + row);
            }
            Set<ShipmentStatus> next = EnumSet.noneOf(ShipmentStatus.class);
            for (int i = 0; i < columns.length; i++) {
                if (cells[i + 1].equals("x")) {
                    next.add(columns[i]);
                }
            }
            allowed.put(ShipmentStatus.valueOf(cells[0]), next);
        }
        return allowed;
    }
}
