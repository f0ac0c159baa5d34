package io.waybill.application.port.in;

import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import java.util.List;

/** A tracking number that belongs to shipments of several carriers, asked for without a carrier. */
public final class AmbiguousShipmentException extends RuntimeException {

    private final transient List<Carrier> carriers;

    public AmbiguousShipmentException(CarrierTrackingNumber number, List<Carrier> carriers) {
        super("Tracking number " + number + " belongs to shipments of several carriers (" + carriers.stream()
                .map(Carrier::code).reduce((one, other) -> one + ", " + other).orElse("") + "); name one with"
                + " carrier");
        this.carriers = List.copyOf(carriers);
    }

    public List<Carrier> carriers() {
        return carriers;
    }
}
