package io.waybill.domain;

import static io.waybill.domain.ShipmentStatus.CANCELLED;
import static io.waybill.domain.ShipmentStatus.DELIVERED;
import static io.waybill.domain.ShipmentStatus.EXCEPTION;
import static io.waybill.domain.ShipmentStatus.IN_TRANSIT;
import static io.waybill.domain.ShipmentStatus.OUT_FOR_DELIVERY;
import static io.waybill.domain.ShipmentStatus.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusMappingTest {

    private final StatusMapping mapping = StatusMapping.builtIn();

    @ParameterizedTest
    @CsvSource({
        "Created, CREATED", "Package Received, RECEIVED", "In Transit, IN_TRANSIT",
        "Out for Delivery, OUT_FOR_DELIVERY", "Delivery Attempted, DELIVERY_ATTEMPTED", "Delivered, DELIVERED",
        "Returned to Sender, RETURNED_TO_SENDER", "Exception, EXCEPTION"
    })
    void mapsTheLogisticsSystemsEightStatuses(String wording, ShipmentStatus status) {
        assertThat(mapping.canonical(wording)).contains(status);
    }

    @ParameterizedTest
    @EnumSource
    void mapsEveryCanonicalCodeAndLabel(ShipmentStatus status) {
        assertThat(mapping.canonical(status.code())).contains(status);
        assertThat(mapping.canonical(status.label())).contains(status);
    }

    @ParameterizedTest
    @CsvSource({
        "in_transit, IN_TRANSIT", "in-transit, IN_TRANSIT", "transit, IN_TRANSIT", "inbound-scan, RECEIVED",
        "scanned, RECEIVED", "delivery, OUT_FOR_DELIVERY"
    })
    void mapsTheStatusesOfTheTrackAndTraceSampleFiles(String wording, ShipmentStatus status) {
        assertThat(mapping.canonical(wording)).contains(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed_data.csv", "seed_data_variant.csv"})
    void mapsEveryStatusInTheSampleFilesAsTheListAboveSays(String file) throws IOException, URISyntaxException {
        Map<String, ShipmentStatus> expected = Map.of("in_transit", IN_TRANSIT, "in-transit", IN_TRANSIT,
                "transit", IN_TRANSIT, "inbound-scan", RECEIVED, "scanned", RECEIVED, "delivery", OUT_FOR_DELIVERY);
        List<String> statuses = lastColumn(sampleFile(file));

        assertThat(statuses).isNotEmpty().allSatisfy(status -> {
            assertThat(expected).as("a status new to this test").containsKey(status);
            assertThat(mapping.canonical(status)).contains(expected.get(status));
        });
    }

    @ParameterizedTest
    @CsvSource({
        "Pending, CREATED", "InfoReceived, CREATED", "InTransit, IN_TRANSIT", "OutForDelivery, OUT_FOR_DELIVERY",
        "AvailableForPickup, AVAILABLE_FOR_PICKUP", "AttemptFail, DELIVERY_ATTEMPTED", "Delivered, DELIVERED",
        "Exception, EXCEPTION", "Expired, EXCEPTION"
    })
    void mapsAfterShipsTags(String tag, ShipmentStatus status) {
        assertThat(mapping.canonical(tag)).contains(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "out for delivery", "OUT FOR DELIVERY", "Out-For-Delivery", "out_for_delivery", "  out   for\tdelivery ",
        "out-_- for delivery"
    })
    void ignoresCaseAndTreatsSpacesHyphensAndUnderscoresAlike(String wording) {
        assertThat(mapping.canonical(wording)).contains(OUT_FOR_DELIVERY);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "teleported", "in transi", "deliveredd", "in.transit", "outfor delivery", "配達済み"})
    void doesNotGuessUnknownWording(String wording) {
        assertThat(mapping.canonical(wording)).isEmpty();
    }

    @Test
    void extraWordingsAreAddedAndTakePrecedence() {
        StatusMapping extended = mapping.with(Map.of("Zugestellt", DELIVERED, "delivery", DELIVERED,
                "Storniert", CANCELLED));

        assertThat(extended.canonical("zugestellt")).contains(DELIVERED);
        assertThat(extended.canonical("STORNIERT")).contains(CANCELLED);
        assertThat(extended.canonical("delivery")).as("overrides the built-in wording").contains(DELIVERED);
        assertThat(extended.canonical("in transit")).as("keeps the others").contains(IN_TRANSIT);
        assertThat(mapping.canonical("delivery")).as("leaves the original alone").contains(OUT_FOR_DELIVERY);
        assertThat(mapping.canonical("zugestellt")).isEmpty();
    }

    @Test
    void extraWordingsAreNormalisedToo() {
        StatusMapping extended = mapping.with(Map.of("  Held_By-Customs ", EXCEPTION));

        assertThat(extended.canonical("held by customs")).contains(EXCEPTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void refusesBlankExtraWordings(String wording) {
        assertThatIllegalArgumentException().isThrownBy(() -> mapping.with(Map.of(wording, DELIVERED)))
                .withMessage("a carrier status must not be blank");
    }

    /** The status column (the last) of a sample file, header left out. */
    private static List<String> lastColumn(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(line -> !line.isBlank())
                .map(line -> line.substring(line.lastIndexOf(',') + 1).strip()).toList();
    }

    /**
     * Copies of the users' sample files ({@code shared/data} of the product), kept with the tests so that the proof
     * runs on every machine.
     */
    private static Path sampleFile(String name) throws URISyntaxException {
        URL resource = StatusMappingTest.class.getResource("/sample-data/" + name);
        assertThat(resource).as("the test resource sample-data/%s", name).isNotNull();
        return Path.of(resource.toURI());
    }
}
