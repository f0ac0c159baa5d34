package io.waybill.application.port.in;

import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.util.Objects;
import java.util.Optional;

/** Looks a shipment up by its tracking number, through the cache. */
public interface FindShipmentUseCase {

    /**
     * The shipment, or empty when there is none the audience may see: to the public, a shipment that is not
     * publicly trackable does not exist.
     *
     * @throws AmbiguousShipmentException when no carrier is given and the audience may see several shipments with
     *     this number
     */
    Optional<Shipment> find(Query query);

    record Query(CarrierTrackingNumber number, Optional<Carrier> carrier, Audience audience) {

        public Query {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(audience, "audience");
        }
    }

    /** Who asks: the public (no API key) or staff (a valid key). */
    enum Audience {
        PUBLIC,
        STAFF
    }
}
