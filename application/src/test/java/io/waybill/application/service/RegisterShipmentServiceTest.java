package io.waybill.application.service;

import static io.waybill.application.service.TestShipments.CLOCK;
import static io.waybill.application.service.TestShipments.DHL;
import static io.waybill.application.service.TestShipments.NUMBER;
import static io.waybill.application.service.TestShipments.UPS;
import static io.waybill.application.service.TestShipments.details;
import static io.waybill.application.service.TestShipments.input;
import static io.waybill.application.service.TestShipments.worded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.in.InvalidCommandException;
import io.waybill.application.port.in.RecordTrackingEventsUseCase.EventInput;
import io.waybill.application.port.in.RegisterShipmentUseCase.Command;
import io.waybill.application.port.in.UnknownCarrierStatusException;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CountryCode;
import io.waybill.domain.IllegalTransitionException;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.trackingnumber.PermutationKey;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RegisterShipmentServiceTest {

    private static final TrackingNumberFormat FORMAT =
            new TrackingNumberFormat(PermutationKey.parse("00112233445566778899aabbccddeeff"));

    private final InMemoryShipmentRepository repository = new InMemoryShipmentRepository();
    private final InMemoryShipmentCache cache = new InMemoryShipmentCache();
    private final ShipmentLookup lookup = new ShipmentLookup(repository, cache);
    private final List<CountryCode> issuedFor = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong(1);
    private final RegisterShipmentService service = new RegisterShipmentService(origin -> {
        issuedFor.add(origin);
        return FORMAT.issue(origin, sequence::getAndIncrement);
    }, repository, lookup, TestShipments.trackingEvents(), CLOCK);

    @Test
    void registersACarriersShipmentWithItsHistory() {
        Shipment shipment = service.register(new Command(Optional.of(NUMBER), Optional.of(DHL), details(true),
                List.of(input("ev-1", "2024-03-04T09:00+08:00", ShipmentStatus.CREATED),
                        worded("2024-03-04T15:00+08:00", "inbound-scan"))));

        assertThat(shipment.key()).isEqualTo(new ShipmentKey(NUMBER, DHL));
        assertThat(shipment.status()).isEqualTo(ShipmentStatus.RECEIVED);
        assertThat(shipment.events()).extracting(event -> event.carrierStatus())
                .containsExactly("Created", "inbound-scan");
        assertThat(shipment.events().get(1).id().value()).startsWith("ev-");
        assertThat(shipment.createdAt()).isEqualTo(Instant.parse("2024-03-04T01:02:03.456Z"));
        assertThat(shipment.version()).isZero();
        assertThat(repository.stored(shipment.key())).contains(shipment);
        assertThat(issuedFor).as("no number issued").isEmpty();
    }

    @Test
    void withoutANumberWaybillIssuesOneFromTheOrigin() {
        Shipment shipment = service.register(new Command(Optional.empty(), Optional.empty(), details(true),
                List.of()));

        assertThat(issuedFor).containsExactly(CountryCode.of("TW"));
        assertThat(shipment.key().carrier()).isEqualTo(Carrier.WAYBILL);
        assertThat(shipment.key().number().asWaybillNumber()).hasValueSatisfying(
                number -> assertThat(number.origin()).isEqualTo(CountryCode.of("TW")));
        assertThat(shipment.status()).isEqualTo(ShipmentStatus.CREATED);
        assertThat(repository.stored(shipment.key())).contains(shipment);
    }

    @Test
    void aGivenOriginWinsOverTheSendersCountry() {
        ShipmentDetails fromJapan = new ShipmentDetails(Optional.of(CountryCode.of("JP")), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(TestShipments.party("Lai", "TW")),
                Optional.empty(), List.of(), true);

        Shipment shipment = service.register(new Command(Optional.empty(), Optional.of(Carrier.WAYBILL), fromJapan,
                List.of()));

        assertThat(shipment.key().number().value()).startsWith("JP");
    }

    @Test
    void theCarriersRulesAreKept() {
        assertInvalid(new Command(Optional.of(NUMBER), Optional.empty(), details(true), List.of()),
                "A carrier is required with a tracking number");
        assertInvalid(new Command(Optional.of(NUMBER), Optional.of(Carrier.WAYBILL), details(true), List.of()),
                "Waybill's own tracking numbers are issued, never registered: leave tracking_number out to have"
                        + " one issued");
        assertInvalid(new Command(Optional.empty(), Optional.of(DHL), details(true), List.of()),
                "A tracking number is required with carrier DHL; Waybill issues numbers only for itself");
        ShipmentDetails nowhere = new ShipmentDetails(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), true);
        assertInvalid(new Command(Optional.empty(), Optional.empty(), nowhere, List.of()),
                "An origin country (or a sender's address country) is required to issue a tracking number");
        assertThat(issuedFor).isEmpty();
    }

    @Test
    void aShipmentIsRegisteredOnce() {
        Command command = new Command(Optional.of(NUMBER), Optional.of(DHL), details(true), List.of());
        Shipment first = service.register(command);

        assertThatThrownBy(() -> service.register(command)).isInstanceOf(ShipmentExistsException.class)
                .hasMessage("A shipment with tracking number TN12345678 and carrier DHL exists already");
        assertThat(repository.stored(first.key())).contains(first);
    }

    @Test
    void unknownWordingOrAnIllegalHistoryRegistersNothing() {
        EventInput unknown = worded("2024-03-04T09:00+08:00", "teleported");
        List<EventInput> illegal = List.of(input("ev-1", "2024-03-04T09:00+08:00", ShipmentStatus.CREATED),
                input("ev-2", "2024-03-04T10:00+08:00", ShipmentStatus.DELIVERED));

        assertThatThrownBy(() -> service.register(new Command(Optional.of(NUMBER), Optional.of(DHL), details(true),
                List.of(unknown)))).isInstanceOfSatisfying(UnknownCarrierStatusException.class,
                        e -> assertThat(e.wording()).isEqualTo("teleported"));
        assertThatThrownBy(() -> service.register(new Command(Optional.of(NUMBER), Optional.of(DHL), details(true),
                illegal))).isInstanceOf(IllegalTransitionException.class);
        assertThat(repository.findByNumber(NUMBER)).isEmpty();
    }

    @Test
    void theCacheIsRefreshedBeforeRegisteringReturns() {
        Shipment dhl = service.register(new Command(Optional.of(NUMBER), Optional.of(DHL), details(true),
                List.of()));
        assertThat(cache.peek(NUMBER)).contains(List.of(dhl));
        cache.put(new CarrierTrackingNumber("ZZ9999"), List.of());

        Shipment ups = service.register(new Command(Optional.of(NUMBER), Optional.of(UPS), details(true),
                List.of()));
        Shipment elsewhere = service.register(new Command(Optional.of(new CarrierTrackingNumber("ZZ9999")), Optional.of(DHL),
                details(true), List.of()));

        assertThat(cache.peek(NUMBER)).contains(List.of(dhl, ups));
        assertThat(cache.peek(new CarrierTrackingNumber("ZZ9999"))).as("a cached 'none' is replaced")
                .contains(List.of(elsewhere));
    }

    private void assertInvalid(Command command, String message) {
        assertThatThrownBy(() -> service.register(command)).isInstanceOf(InvalidCommandException.class)
                .hasMessage(message);
        assertThat(repository.findByNumber(NUMBER)).isEmpty();
    }
}
