package io.waybill.domain;

import io.waybill.domain.trackingnumber.TrackingNumber;
import java.util.Objects;

/**
 * What identifies a shipment: its tracking number and carrier. The same number may belong to shipments of several
 * carriers. Waybill's own numbers are checked fully (check character included) when the carrier is Waybill.
 */
public record ShipmentKey(CarrierTrackingNumber number, Carrier carrier) {

    public ShipmentKey {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(carrier, "carrier");
        if (carrier.equals(Carrier.WAYBILL) && number.asWaybillNumber().isEmpty()) {
            new TrackingNumber(number.value()); // throws, saying what is wrong with it
        }
    }

    public static ShipmentKey of(TrackingNumber number) {
        return new ShipmentKey(CarrierTrackingNumber.of(number), Carrier.WAYBILL);
    }

    @Override
    public String toString() {
        return number + "/" + carrier;
    }
}
