package io.waybill.domain;

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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** March 2024: Monday the 4th, Friday the 8th, the weekend on the 9th and 10th, Monday the 11th. */
class DeliveryEstimateTest {

    private static final Instant REGISTERED = Instant.parse("2024-03-01T09:00:00Z");

    @ParameterizedTest(name = "{0} + {1} business days = {2}")
    @CsvSource({
        "2024-03-04, 2, 2024-03-06", "2024-03-07, 2, 2024-03-11", "2024-03-08, 1, 2024-03-11",
        "2024-03-09, 1, 2024-03-11", "2024-03-10, 1, 2024-03-11", "2024-03-08, 5, 2024-03-15",
        "2024-03-09, 0, 2024-03-09"
    })
    void businessDaysAreMondayToFriday(LocalDate from, int days, LocalDate expected) {
        assertThat(DeliveryEstimate.addBusinessDays(from, days)).isEqualTo(expected);
    }

    @Test
    void withoutEventsTheServiceTimeStartsTheDayAfterRegistering() {
        Instant thursday = Instant.parse("2024-03-07T10:00:00Z");

        assertThat(estimate("TW", "TW", thursday)).contains(LocalDate.of(2024, 3, 12));
        assertThat(estimate("TW", "JP", thursday)).contains(LocalDate.of(2024, 3, 15));
        assertThat(estimate("TW", "TW", Instant.parse("2024-03-08T23:30:00Z"))).contains(LocalDate.of(2024, 3, 12));
        assertThat(estimate("TW", "TW", Instant.parse("2024-03-10T12:00:00Z"))).contains(LocalDate.of(2024, 3, 13));
    }

    @Test
    void anUnknownCountryCountsAsInternational() {
        assertThat(estimate("TW", null, REGISTERED, RECEIVED, "2024-03-04T10:00+08:00"))
                .contains(LocalDate.of(2024, 3, 11));
        assertThat(estimate(null, null, REGISTERED, RECEIVED, "2024-03-04T10:00+08:00"))
                .contains(LocalDate.of(2024, 3, 11));
        assertThat(estimate("TW", "TW", REGISTERED, RECEIVED, "2024-03-04T10:00+08:00"))
                .contains(LocalDate.of(2024, 3, 6));
    }

    @Test
    void theServiceTimeStartsAtTheFirstEventAfterTheLabel() {
        assertThat(estimate("TW", "TW", REGISTERED, CREATED, "2024-03-04T10:00+08:00", RECEIVED,
                "2024-03-06T10:00+08:00")).contains(LocalDate.of(2024, 3, 8));
        assertThat(estimate("TW", "TW", REGISTERED, RECEIVED, "2024-03-08T10:00+08:00"))
                .as("received on a Friday").contains(LocalDate.of(2024, 3, 12));
    }

    @Test
    void withOnlyALabelTheServiceTimeStartsTheDayAfterRegistering() {
        Instant wednesday = Instant.parse("2024-03-06T09:00:00Z");

        assertThat(estimate("TW", "TW", wednesday, CREATED, "2024-03-04T10:00+08:00"))
                .contains(LocalDate.of(2024, 3, 11));
        assertThat(estimate("TW", "TW", wednesday, CREATED, "2024-03-14T10:00+08:00"))
                .as("a label made later than planned").contains(LocalDate.of(2024, 3, 15));
    }

    @Test
    void aLateParcelIsPromisedForTheBusinessDayAfterItsLatestEvent() {
        assertThat(estimate("TW", "TW", REGISTERED, RECEIVED, "2024-03-08T10:00+08:00", IN_TRANSIT,
                "2024-03-13T10:00+08:00")).contains(LocalDate.of(2024, 3, 14));
        assertThat(estimate("TW", "TW", REGISTERED, RECEIVED, "2024-03-04T10:00+08:00", IN_TRANSIT,
                "2024-03-08T10:00+08:00")).as("in transit on a Friday").contains(LocalDate.of(2024, 3, 11));
    }

    @Test
    void outForDeliveryMeansThatDayEvenOnAWeekendOrEarly() {
        assertThat(estimate("TW", "TW", REGISTERED, RECEIVED, "2024-03-04T10:00+08:00", OUT_FOR_DELIVERY,
                "2024-03-09T10:00+08:00")).contains(LocalDate.of(2024, 3, 9));
        assertThat(estimate("TW", "JP", REGISTERED, RECEIVED, "2024-03-04T10:00+08:00", OUT_FOR_DELIVERY,
                "2024-03-05T10:00+09:00")).contains(LocalDate.of(2024, 3, 5));
    }

    @Test
    void aFailedAttemptMeansTheNextBusinessDay() {
        assertThat(estimate("TW", "TW", REGISTERED, OUT_FOR_DELIVERY, "2024-03-08T09:00+08:00",
                DELIVERY_ATTEMPTED, "2024-03-08T15:00+08:00")).contains(LocalDate.of(2024, 3, 11));
        assertThat(estimate("TW", "TW", REGISTERED, OUT_FOR_DELIVERY, "2024-03-05T09:00+08:00",
                DELIVERY_ATTEMPTED, "2024-03-05T15:00+08:00")).contains(LocalDate.of(2024, 3, 6));
    }

    @Test
    void anExceptionMeansAtLeastTwoBusinessDaysAfterIt() {
        assertThat(estimate("TW", "TW", REGISTERED, RECEIVED, "2024-03-07T10:00+08:00", EXCEPTION,
                "2024-03-08T10:00+08:00")).contains(LocalDate.of(2024, 3, 12));
        assertThat(estimate("TW", "JP", REGISTERED, RECEIVED, "2024-03-04T10:00+08:00", EXCEPTION,
                "2024-03-04T18:00+08:00")).as("the plan is later still").contains(LocalDate.of(2024, 3, 11));
    }

    @Test
    void deliveredMeansTheDayOfDelivery() {
        assertThat(estimate("TW", "JP", REGISTERED, IN_TRANSIT, "2024-03-04T10:00+08:00", DELIVERED,
                "2024-03-10T10:00+09:00")).contains(LocalDate.of(2024, 3, 10));
    }

    @Test
    void returnedCancelledOrWaitingForPickupHaveNoEstimate() {
        assertThat(estimate("TW", "TW", REGISTERED, RECEIVED, "2024-03-04T10:00+08:00", RETURNED_TO_SENDER,
                "2024-03-05T10:00+08:00")).isEmpty();
        assertThat(estimate("TW", "TW", REGISTERED, CREATED, "2024-03-04T10:00+08:00", CANCELLED,
                "2024-03-05T10:00+08:00")).isEmpty();
        assertThat(estimate("TW", "TW", REGISTERED, RECEIVED, "2024-03-04T10:00+08:00", AVAILABLE_FOR_PICKUP,
                "2024-03-05T10:00+08:00")).isEmpty();
    }

    @Test
    void anEventsDayIsItsLocalDayWhereTheCarrierReportedIt() {
        // Thursday 23:30 in New York is Friday in UTC; the service time starts on Thursday.
        assertThat(estimate("US", "US", REGISTERED, RECEIVED, "2024-03-07T23:30-05:00"))
                .contains(LocalDate.of(2024, 3, 11));
        // Saturday 01:00 in Taipei is Friday in UTC; out for delivery on Saturday.
        assertThat(estimate("TW", "TW", REGISTERED, OUT_FOR_DELIVERY, "2024-03-09T01:00+08:00"))
                .contains(LocalDate.of(2024, 3, 9));
    }

    /** Statuses and times alternate: {@code RECEIVED, "2024-03-04T10:00+08:00", ...}. */
    private static Optional<LocalDate> estimate(String origin, String destination, Instant registered,
            Object... statusesAndTimes) {
        List<TrackingEvent> events = new ArrayList<>();
        for (int i = 0; i < statusesAndTimes.length; i += 2) {
            events.add(Histories.event("ev-" + i, (String) statusesAndTimes[i + 1],
                    (ShipmentStatus) statusesAndTimes[i]));
        }
        Shipment shipment = new Shipment(Histories.KEY, Histories.details(origin, destination), List.of(),
                registered, 0).record(events).shipment();
        return DeliveryEstimate.of(shipment);
    }
}
