package io.waybill.adapters.http.page;

import static io.waybill.domain.ShipmentStatus.AVAILABLE_FOR_PICKUP;
import static io.waybill.domain.ShipmentStatus.CANCELLED;
import static io.waybill.domain.ShipmentStatus.CREATED;
import static io.waybill.domain.ShipmentStatus.DELIVERED;
import static io.waybill.domain.ShipmentStatus.DELIVERY_ATTEMPTED;
import static io.waybill.domain.ShipmentStatus.EXCEPTION;
import static io.waybill.domain.ShipmentStatus.IN_TRANSIT;
import static io.waybill.domain.ShipmentStatus.OUT_FOR_DELIVERY;
import static io.waybill.domain.ShipmentStatus.RECEIVED;
import static io.waybill.domain.ShipmentStatus.RETURNED_TO_SENDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.domain.ShipmentStatus;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProgressTest {

    @Test
    void theMainLineMarksWhatIsDoneWhereTheParcelIsAndWhatIsToCome() {
        assertThat(line(List.of())).isEqualTo("created* received- in_transit- out_for_delivery- delivered-");
        assertThat(line(List.of(CREATED, RECEIVED, IN_TRANSIT)))
                .isEqualTo("created+ received+ in_transit* out_for_delivery- delivered-");
        assertThat(line(List.of(IN_TRANSIT, DELIVERED)))
                .isEqualTo("created+ received+ in_transit+ out_for_delivery+ delivered*");
    }

    @Test
    void aStatusBesideTheLineTakesItsMilestonesPlace() {
        assertThat(line(List.of(IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED)))
                .isEqualTo("created+ received+ in_transit+ delivery_attempted*! delivered-");
        assertThat(line(List.of(IN_TRANSIT, AVAILABLE_FOR_PICKUP)))
                .isEqualTo("created+ received+ in_transit+ available_for_pickup* delivered-");
    }

    @Test
    void anExceptionFollowsTheFurthestMilestoneAndAnEndStopsTheLine() {
        assertThat(line(List.of(RECEIVED, IN_TRANSIT, EXCEPTION)))
                .isEqualTo("created+ received+ in_transit+ exception*! out_for_delivery- delivered-");
        assertThat(line(List.of(EXCEPTION))).isEqualTo("exception*! created- received- in_transit- "
                + "out_for_delivery- delivered-");
        assertThat(line(List.of(IN_TRANSIT, OUT_FOR_DELIVERY, RETURNED_TO_SENDER)))
                .isEqualTo("created+ received+ in_transit+ out_for_delivery+ returned_to_sender*!");
        assertThat(line(List.of(CREATED, CANCELLED))).isEqualTo("created+ cancelled*!");
    }

    @ParameterizedTest
    @EnumSource(ShipmentStatus.class)
    void everyStatusIsTheOneCurrentStep(ShipmentStatus status) {
        List<Progress.Step> steps = Progress.of(List.of(status));

        assertThat(steps).filteredOn(step -> step.state() == Progress.State.CURRENT).singleElement()
                .extracting(Progress.Step::status).isEqualTo(status);
    }

    private static String line(List<ShipmentStatus> history) {
        return Progress.of(history).stream()
                .map(step -> step.status().code() + switch (step.state()) {
                    case DONE -> "+";
                    case CURRENT -> "*";
                    case TODO -> "-";
                } + (step.trouble() ? "!" : ""))
                .collect(Collectors.joining(" "));
    }
}
