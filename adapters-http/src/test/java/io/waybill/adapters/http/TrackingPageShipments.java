package io.waybill.adapters.http;

import io.waybill.domain.Address;
import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Location;
import io.waybill.domain.Party;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import java.util.List;
import java.util.Optional;

/** Shipments for the tracking page's tests, beyond {@link TestShipments}. */
final class TrackingPageShipments {

    /** Markup wherever a carrier or a shop may write text: a page must show it as text. */
    static final Shipment HOSTILE = Shipment.register(
            new ShipmentKey(new CarrierTrackingNumber("TN13131313"), new Carrier("DHL")),
            new ShipmentDetails(Optional.of(TestShipments.TAIWAN), Optional.of(TestShipments.TAIWAN), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(Party.at(Address.of(null, "110", "\"><b>city</b>", TestShipments.TAIWAN))),
                    List.of(new Article("\"><img src=x onerror=alert(1)>", 1, Optional.empty(), Optional.empty())),
                    true),
            List.of(TestShipments.event("h1", "2026-11-20T09:00:00+08:00", ShipmentStatus.RECEIVED,
                    new Location.Centre("1", "<script>alert('hub')</script>", Address.NONE), null)),
            TestShipments.CREATED_AT);

    private TrackingPageShipments() {}
}
