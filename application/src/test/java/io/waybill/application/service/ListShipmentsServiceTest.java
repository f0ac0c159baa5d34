package io.waybill.application.service;

import static io.waybill.application.service.TestShipments.DHL;
import static io.waybill.application.service.TestShipments.UPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.application.port.in.ListShipmentsUseCase.Page;
import io.waybill.application.port.in.ListShipmentsUseCase.Query;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CountryCode;
import io.waybill.domain.EventId;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.ShipmentSummary;
import io.waybill.domain.TrackingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ListShipmentsServiceTest {

    private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

    private final InMemoryShipmentRepository repository = new InMemoryShipmentRepository();
    private final ListShipmentsService service = new ListShipmentsService(repository);

    @Test
    void pagesThroughEveryShipmentNewestFirst() {
        for (int i = 0; i < 8; i++) {
            store("TN1000000" + i, DHL, T0.plusSeconds(i), ShipmentStatus.CREATED);
        }

        List<List<String>> pages = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            Page page = service.list(new Query(Filter.NONE, after, 3));
            pages.add(page.shipments().stream().map(summary -> summary.key().number().value()).toList());
            after = page.next();
        } while (after.isPresent());

        assertThat(pages).containsExactly(List.of("TN10000007", "TN10000006", "TN10000005"),
                List.of("TN10000004", "TN10000003", "TN10000002"), List.of("TN10000001", "TN10000000"));
    }

    @Test
    void aFullLastPageHasNoNextCursor() {
        for (int i = 0; i < 4; i++) {
            store("TN1000000" + i, DHL, T0.plusSeconds(i), ShipmentStatus.CREATED);
        }

        Page first = service.list(new Query(Filter.NONE, Optional.empty(), 2));
        Page second = service.list(new Query(Filter.NONE, first.next(), 2));

        assertThat(first.next()).contains(Cursor.after(first.shipments().get(1)));
        assertThat(second.shipments()).hasSize(2);
        assertThat(second.next()).isEmpty();
        assertThat(service.list(new Query(Filter.NONE, Optional.empty(), 4)).next()).isEmpty();
    }

    @Test
    void shipmentsCreatedAtOneInstantAreOrderedByNumberThenCarrierDescending() {
        store("TN10000001", DHL, T0, ShipmentStatus.CREATED);
        store("TN10000001", UPS, T0, ShipmentStatus.CREATED);
        store("TN10000002", DHL, T0, ShipmentStatus.CREATED);
        store("TN10000000", DHL, T0.plusSeconds(1), ShipmentStatus.CREATED);

        Page first = service.list(new Query(Filter.NONE, Optional.empty(), 2));
        Page rest = service.list(new Query(Filter.NONE, first.next(), 10));

        assertThat(keys(first)).containsExactly("TN10000000/DHL", "TN10000002/DHL");
        assertThat(keys(rest)).containsExactly("TN10000001/UPS", "TN10000001/DHL");
    }

    @Test
    void everyConditionOfTheFilterMustHold() {
        store("TN10000001", DHL, T0, ShipmentStatus.CREATED);
        store("TN10000002", UPS, T0.plusSeconds(10), ShipmentStatus.IN_TRANSIT);
        store("TN10000003", DHL, T0.plusSeconds(20), ShipmentStatus.IN_TRANSIT);

        assertThat(keys(list(new Filter(Optional.of(ShipmentStatus.IN_TRANSIT), Optional.of(DHL), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))))
                .containsExactly("TN10000003/DHL");
        assertThat(keys(list(new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(CountryCode.of("TW")), Optional.of(CountryCode.of("JP")), Optional.of(T0.plusSeconds(10)),
                Optional.of(T0.plusSeconds(20)))))).as("from inclusive, before exclusive")
                .containsExactly("TN10000002/UPS");
        assertThat(keys(list(new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(CountryCode.of("JP")), Optional.empty(), Optional.empty(), Optional.empty())))).isEmpty();
    }

    @Test
    void aCursorTokenSurvivesTheRoundTrip() {
        Cursor cursor = new Cursor(Instant.parse("2024-03-04T01:02:03.456Z"),
                new ShipmentKey(new CarrierTrackingNumber("1Z999AA10123456784"), new Carrier("LA-POSTE_2")));

        assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.parse(cursor.token())).isEqualTo(cursor);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage!", "bm90IGEgY3Vyc29y", "%%%", "MjAyNC0wMy0wNFQwMDowMDowMFogVE4xMjM0NTY3OA"})
    void aTokenItDidNotMakeIsRefused(String token) {
        assertThatIllegalArgumentException().isThrownBy(() -> Cursor.parse(token))
                .withMessage("is not a cursor this service made; start again without one");
    }

    @Test
    void aWellFormedTokenWithBadPartsIsRefused() {
        for (String plain : List.of("yesterday TN12345678 DHL", "2024-03-04T00:00:00Z tn-1 DHL",
                "2024-03-04T00:00:00Z TN12345678 dhl", "2024-03-04T00:00:00Z TN12345678 WAYBILL",
                "2024-03-04T00:00:00Z TN12345678 DHL extra")) {
            String token = Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
            assertThatIllegalArgumentException().as(plain).isThrownBy(() -> Cursor.parse(token));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void theLimitIsFrom1To100(int limit) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Query(Filter.NONE, Optional.empty(), limit))
                .withMessage("limit must be from 1 to 100; got " + limit);
    }

    private Page list(Filter filter) {
        return service.list(new Query(filter, Optional.empty(), 10));
    }

    private void store(String number, Carrier carrier, Instant createdAt, ShipmentStatus status) {
        Shipment shipment = new Shipment(new ShipmentKey(new CarrierTrackingNumber(number), carrier),
                TestShipments.details(true), List.of(), createdAt, 0);
        if (status != ShipmentStatus.CREATED) {
            shipment = shipment.record(List.of(new TrackingEvent(new EventId("ev-1"),
                    OffsetDateTime.parse("2024-03-04T09:00+08:00"), status, status.label(), Optional.empty(),
                    Optional.empty()))).shipment();
        }
        repository.register(shipment);
    }

    private static List<String> keys(Page page) {
        return page.shipments().stream().map(ShipmentSummary::key).map(ShipmentKey::toString).toList();
    }
}
