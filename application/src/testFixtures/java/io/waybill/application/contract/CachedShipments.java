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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Shipments for the cache contract and tests: one with every field set, in Chinese and English, and one with none. */
public final class CachedShipments {

    private static final CountryCode TW = CountryCode.of("TW");
    private static final CountryCode FR = CountryCode.of("FR");
    private static final Address TAIPEI = new Address(Optional.of("台北市信義區市府路45號"), Optional.of("110"),
            Optional.of("台北"), Optional.of(TW));
    private static final Address PARIS = new Address(Optional.of("1 Rue de Rivoli"), Optional.of("75001"),
            Optional.of("Paris"), Optional.of(FR));

    private CachedShipments() {}

    public static CarrierTrackingNumber newNumber() {
        return new CarrierTrackingNumber("TN" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L));
    }

    /** Every field set; {@code version} sets its generation (version + 1). */
    public static Shipment rich(CarrierTrackingNumber number, String carrier, long version) {
        Party sender = new Party(Optional.of("S-001"), Optional.of("賴小賴"), TAIPEI, Optional.of(new Phone("+886 912 345 678")));
        Party receiver = new Party(Optional.empty(), Optional.of("Ann Lee"), PARIS, Optional.empty());
        Customer customer = new Customer(CustomerId.parse("de619854-b59b-425e-9db4-943979e1bd49"),
                new CustomerName("紅盒物流 Redbox"), new CustomerSlug("redbox-logistics"));
        ShipmentDetails details = new ShipmentDetails(Optional.of(TW), Optional.of(FR),
                Optional.of(Weight.parse("1.25")), Optional.of(customer),
                Optional.of(OrderTime.parse("2026-11-20T19:29:32.123+08:00")), Optional.of(sender),
                Optional.of(receiver),
                List.of(new Article("烏龍茶 oolong tea", 2, Optional.of(new BigDecimal("12.5")), Optional.of("SKU-1")),
                        new Article("Mug", 1, Optional.of(new BigDecimal("0.0001")), Optional.empty()),
                        new Article("Gift card", 1, Optional.of(new BigDecimal("1000")), Optional.empty())),
                true);
        List<TrackingEvent> events = List.of(
                new TrackingEvent(new EventId("ev-1"), OffsetDateTime.parse("2026-11-20T20:00:00+08:00"),
                        ShipmentStatus.RECEIVED, "已收件", Optional.of(new Location.Centre("7", "台北轉運中心", TAIPEI)),
                        Optional.of("包裹已由物流中心收件")),
                new TrackingEvent(new EventId("ev-2"), OffsetDateTime.parse("2026-11-21T01:30:00.5+01:00"),
                        ShipmentStatus.IN_TRANSIT, "In transit",
                        Optional.of(new Location.Place(new Address(Optional.empty(), Optional.of("75001"),
                                Optional.of("Paris"), Optional.of(FR)))),
                        Optional.empty()),
                new TrackingEvent(new EventId("ev-3"), OffsetDateTime.parse("2026-11-21T08:00:00Z"),
                        ShipmentStatus.OUT_FOR_DELIVERY, "Out for delivery", Optional.empty(),
                        Optional.of("With the courier")));
        return new Shipment(new ShipmentKey(number, new Carrier(carrier)), details, events,
                Instant.parse("2026-11-20T11:30:00.123456789Z"), version);
    }

    /** Every optional field left out, no articles, no events. */
    public static Shipment bare(CarrierTrackingNumber number, String carrier, long version) {
        ShipmentDetails details = new ShipmentDetails(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), false);
        return new Shipment(new ShipmentKey(number, new Carrier(carrier)), details, List.of(),
                Instant.parse("2026-11-20T11:30:00Z"), version);
    }
}
