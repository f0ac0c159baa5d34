package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.CountingMetrics;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.Order;
import io.waybill.domain.OrderTime;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.Weight;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.PermutationKey;
import io.waybill.domain.trackingnumber.TrackingNumber;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IssueTrackingNumberServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T10:15:30.123456789Z"), ZoneOffset.UTC);
    private static final TrackingNumberFormat FORMAT =
            new TrackingNumberFormat(PermutationKey.parse("00112233445566778899aabbccddeeff"));

    private final AtomicLong sequence = new AtomicLong(1_000);
    private final InMemoryShipmentRepository shipments = new InMemoryShipmentRepository();
    private final IssueTrackingNumberService service =
            new IssueTrackingNumberService(FORMAT, sequence::getAndIncrement, shipments, CLOCK);

    @Test
    void issuesANumberForTheOrderAndStoresItBeforeReturning() {
        Order order = order("MY", "ID");

        IssuedTrackingNumber issued = service.issue(order);

        assertThat(issued.order()).isSameAs(order);
        assertThat(shipments.issued()).as("stored while issuing").containsExactly(issued);
        assertThat(shipments.stored(ShipmentKey.of(issued.trackingNumber()))).hasValueSatisfying(shipment -> {
            assertThat(shipment.events()).isEmpty();
            assertThat(shipment.details().origin()).contains(CountryCode.of("MY"));
            assertThat(shipment.createdAt()).isEqualTo(issued.issuedAt());
        });
    }

    @Test
    void theNumberComesFromTheSequenceAndStartsWithTheOrigin() {
        IssuedTrackingNumber issued = service.issue(order("ID", "MY"));
        TrackingNumber number = issued.trackingNumber();

        assertThat(number.origin()).isEqualTo(CountryCode.of("ID"));
        assertThat(number.value()).startsWith("ID");
        assertThat(FORMAT.sequenceOf(number)).isBetween(1_000L, sequence.get() - 1);
    }

    @Test
    void issuedAtIsTheClocksTimeToTheMillisecond() {
        IssuedTrackingNumber issued = service.issue(order("MY", "SG"));

        assertThat(issued.issuedAt()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123Z"));
    }

    @Test
    void everyOrderGetsItsOwnNumber() {
        List<IssuedTrackingNumber> issued = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            issued.add(service.issue(order("MY", "ID")));
        }

        assertThat(issued).extracting(IssuedTrackingNumber::trackingNumber).doesNotHaveDuplicates();
        assertThat(shipments.issued()).containsExactlyElementsOf(issued);
    }

    @Test
    void aFailedStorePassesOnTheFailureAndIssuesNothing() {
        StorageUnavailableException failure = new StorageUnavailableException("commit timed out", null);
        shipments.goDown(failure);

        assertThatThrownBy(() -> service.issue(order("MY", "ID"))).isSameAs(failure);
        assertThat(shipments.issued()).isEmpty();
    }

    @Test
    void countsTheNumbersIssuedOnceStoredAndNotThoseWhoseStoreFailed() {
        CountingMetrics metrics = new CountingMetrics();
        IssueTrackingNumberService counted =
                new IssueTrackingNumberService(FORMAT, sequence::getAndIncrement, shipments, CLOCK, metrics);
        counted.issue(order("MY", "ID"));
        counted.issue(order("MY", "ID"));
        shipments.goDown(new StorageUnavailableException("commit timed out", null));
        assertThatThrownBy(() -> counted.issue(order("MY", "ID"))).isInstanceOf(StorageUnavailableException.class);

        assertThat(metrics.count("waybill.tracking.numbers.issued{keyed=false}")).isEqualTo(2);
    }

    private static Order order(String origin, String destination) {
        Customer customer = new Customer(
                CustomerId.parse("de619854-b59b-425e-9db4-943979e1bd49"),
                new CustomerName("Redbox Logistics"),
                new CustomerSlug("redbox-logistics"));
        return new Order(CountryCode.of(origin), CountryCode.of(destination), Weight.parse("1.234"), customer,
                OrderTime.parse("2018-11-20T19:29:32+08:00"));
    }
}
