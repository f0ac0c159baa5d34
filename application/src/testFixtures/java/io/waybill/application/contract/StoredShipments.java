package io.waybill.application.contract;

import io.waybill.domain.Address;
import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.EventId;
import io.waybill.domain.Location;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Party;
import io.waybill.domain.Phone;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.Weight;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Shipments for the repository contracts and the persistence tests, from the plainest to one that uses every column.
 */
public final class StoredShipments {

    public static final Customer REDBOX = new Customer(CustomerId.parse("de619854-b59b-425e-9db4-943979e1bd49"),
            new CustomerName("紅盒物流"), new CustomerSlug("redbox-logistics"));
    public static final Customer BLUEBOX = new Customer(CustomerId.parse("0b5e0c6e-7f43-4d0e-9a55-1d2f3c4b5a69"),
            new CustomerName("Bluebox"), new CustomerSlug("bluebox"));

    private StoredShipments() {}

    public static ShipmentKey key(String number, String carrier) {
        return new ShipmentKey(new CarrierTrackingNumber(number), Carrier.parse(carrier));
    }

    /**
     * A shipment with every part filled in, in Traditional Chinese where it can be: sender, receiver, articles (with
     * and without price and SKU), and events in three offsets, one to the nanosecond, at a centre, at a place and
     * nowhere.
     */
    public static Shipment full(ShipmentKey key, Instant createdAt) {
        Party sender = new Party(Optional.of("S-001"), Optional.of("賴小賴"),
                new Address(Optional.of("台北市中正區忠孝東路100號"), Optional.of("100"), Optional.of("台北市"),
                        Optional.of(CountryCode.of("TW"))),
                Optional.of(new Phone("+886 912 345 678")));
        Party receiver = new Party(Optional.empty(), Optional.of("Ann Lee"),
                new Address(Optional.empty(), Optional.of("50450"), Optional.of("Kuala Lumpur"),
                        Optional.of(CountryCode.of("MY"))),
                Optional.empty());
        List<Article> articles = List.of(
                new Article("凍頂烏龍茶 Oolong tea", 2, Optional.of(new BigDecimal("12.5000")), Optional.of("TEA-001")),
                new Article("Mug", 1, Optional.empty(), Optional.empty()),
                new Article("Gift card", 3, Optional.of(new BigDecimal("0.00")), Optional.empty()));
        ShipmentDetails details = new ShipmentDetails(Optional.empty(), Optional.of(CountryCode.of("MY")),
                Optional.of(Weight.parse("1.500")), Optional.of(REDBOX),
                Optional.of(OrderTime.parse("2026-11-20T19:29:32.123456789+08:00")), Optional.of(sender),
                Optional.of(receiver), articles, false);
        Location centre = new Location.Centre("7", "台北轉運中心",
                new Address(Optional.of("台北市大安區復興南路一段390號"), Optional.of("106"), Optional.of("台北市"),
                        Optional.of(CountryCode.of("TW"))));
        Location place = new Location.Place(
                new Address(Optional.empty(), Optional.empty(), Optional.of("香港"), Optional.of(CountryCode.of("HK"))));
        List<TrackingEvent> history = List.of(
                new TrackingEvent(new EventId("ev-1"), OffsetDateTime.parse("2026-11-20T20:00:00+08:00"),
                        ShipmentStatus.RECEIVED, "已收件", Optional.of(centre), Optional.of("包裹已由賴小賴寄出")),
                new TrackingEvent(new EventId("ev-2"), OffsetDateTime.parse("2026-11-21T03:15:30.123456789-05:00"),
                        ShipmentStatus.IN_TRANSIT, "Departed", Optional.of(place), Optional.empty()),
                new TrackingEvent(new EventId("ev-3"), OffsetDateTime.parse("2026-11-21T10:00:00.5Z"),
                        ShipmentStatus.IN_TRANSIT, "Arrived", Optional.empty(), Optional.empty()));
        return Shipment.register(key, details, history, createdAt);
    }

    /** A shipment with no optional value at all: no articles, no events, not publicly tracked. */
    public static Shipment bare(ShipmentKey key, Instant createdAt) {
        ShipmentDetails details = new ShipmentDetails(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), false);
        return Shipment.register(key, details, List.of(), createdAt);
    }

    /** A shipment with only what listing filters on, and one event of {@code status} unless that is created. */
    public static Shipment plain(ShipmentKey key, Instant createdAt, ShipmentStatus status, Optional<Customer> customer,
            String origin, String destination) {
        ShipmentDetails details = new ShipmentDetails(Optional.of(CountryCode.of(origin)),
                Optional.of(CountryCode.of(destination)), Optional.empty(), customer, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), true);
        List<TrackingEvent> history = status == ShipmentStatus.CREATED
                ? List.of()
                : List.of(event("ev-" + status.code(), createdAt.atOffset(ZoneOffset.ofHours(8)), status));
        return Shipment.register(key, details, history, createdAt);
    }

    public static TrackingEvent event(String id, OffsetDateTime time, ShipmentStatus status) {
        return new TrackingEvent(new EventId(id), time, status, status.label(), Optional.empty(), Optional.empty());
    }
}
