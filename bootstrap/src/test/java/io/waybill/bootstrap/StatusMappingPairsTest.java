package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.domain.ShipmentStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusMappingPairsTest {

    @Test
    void readsPairsInOrderAndSkipsBlankOnes() {
        assertThat(StatusMappingPairs.parse("zugestellt=delivered, ,handed over= received,"))
                .containsExactly(Map.entry("zugestellt", ShipmentStatus.DELIVERED),
                        Map.entry("handed over", ShipmentStatus.RECEIVED));
        assertThat(StatusMappingPairs.parse("")).isEmpty();
    }

    @Test
    void refusesAPairWithoutWordingOrStatus() {
        assertThatThrownBy(() -> StatusMappingPairs.parse("delivered"))
                .hasMessageStartingWith("expected wording=status pairs").hasMessageEndingWith("got 'delivered'");
        assertThatThrownBy(() -> StatusMappingPairs.parse(" =delivered"))
                .hasMessageEndingWith("got '=delivered'");
    }

    @Test
    void refusesAnUnknownStatusNamingTheCodes() {
        assertThatThrownBy(() -> StatusMappingPairs.parse("zugestellt=done")).hasMessageContaining("in_transit");
    }
}
