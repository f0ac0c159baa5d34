package io.waybill.adapters.http;

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

/**
 * Shipments for the tests, with Traditional Chinese names and addresses like the logistics status system's. Every
 * private value (streets, full names, phones, prices, descriptions, ids) is distinctive, so that a test can assert
 * that it is absent from a public body.
 */
final class TestShipments {

    static final Instant CREATED_AT = Instant.parse("2026-11-20T00:30:00Z");
    static final CountryCode TAIWAN = CountryCode.of("TW");
    static final Shipment PUBLIC = shipment("TN12345678", "DHL", true);
    static final Shipment HIDDEN = shipment("TN87654321", "DHL", false);
    static final Shipment SHARED_DHL = shipment("TN55555555", "DHL", true);
    static final Shipment SHARED_UPS = shipment("TN55555555", "UPS", true);
    static final List<Shipment> ALL = List.of(PUBLIC, HIDDEN, SHARED_DHL, SHARED_UPS);
    /** Not a shipment: as long as HIDDEN's number, so that both answers have the same length. */
    static final String UNKNOWN_NUMBER = "TN00000000";

    /** Every private value in the shipments: none may appear in a public body. */
    static final List<String> PRIVATE = List.of("市府路1號", "忠孝東路100號", "倉庫路5號", "轉運路7號", "賴小賴", "紅盒物流",
            "0912345678", "02-2345-6789", "450.75", "3.217", "R-0007", "S-0001", "秘密備註", "label printed",
            "RedBox", "de619854", "2026-11-19T10:00:00+08:00");

    private TestShipments() {}

    static Shipment shipment(String number, String carrier, boolean publicTracking) {
        CountryCode tw = TAIWAN;
        Location.Centre taipei = new Location.Centre("1", "台北物流中心", Address.of("倉庫路5號", "105", "台北市", tw));
        Location.Centre hsinchu = new Location.Centre("7", "新竹轉運站", Address.of("轉運路7號", "300", "新竹市", tw));
        Party sender = new Party(Optional.of("S-0001"), Optional.of("紅盒物流"), Address.of("忠孝東路100號", "106", "台北市", tw),
                Optional.of(new Phone("02-2345-6789")));
        Party receiver = new Party(Optional.of("R-0007"), Optional.of("賴小賴"), Address.of("市府路1號", "110", "台北市", tw),
                Optional.of(new Phone("0912345678")));
        Customer customer = new Customer(CustomerId.parse("de619854-b59b-425e-9db4-943979e1bd49"),
                new CustomerName("RedBox Logistics"), new CustomerSlug("redbox-logistics"));
        ShipmentDetails details = new ShipmentDetails(Optional.of(tw), Optional.of(tw),
                Optional.of(Weight.parse("3.217")), Optional.of(customer),
                Optional.of(OrderTime.parse("2026-11-19T10:00:00+08:00")), Optional.of(sender), Optional.of(receiver),
                List.of(new Article("烏龍茶", 2, Optional.of(new BigDecimal("450.75")), Optional.of("TEA-1"))),
                publicTracking);
        List<TrackingEvent> history = List.of(
                event("e1", "2026-11-20T09:00:00+08:00", ShipmentStatus.CREATED, taipei, "label printed"),
                event("e2", "2026-11-20T15:00:00+08:00", ShipmentStatus.RECEIVED, taipei, "秘密備註"),
                event("e3", "2026-11-21T08:00:00+08:00", ShipmentStatus.IN_TRANSIT, hsinchu, null));
        return Shipment.register(new ShipmentKey(new CarrierTrackingNumber(number), new Carrier(carrier)), details, history,
                CREATED_AT);
    }

    static TrackingEvent event(String id, String time, ShipmentStatus status, Location location, String description) {
        return new TrackingEvent(new EventId(id), OffsetDateTime.parse(time), status, status.label(),
                Optional.ofNullable(location), Optional.ofNullable(description));
    }
}
