package io.waybill.adapters.http;

import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import java.util.Optional;

/** The shipment a request names: a tracking number, and its carrier when the number alone may not be enough. */
record ShipmentRef(CarrierTrackingNumber number, Optional<Carrier> carrier) {

    static final String CARRIER = "carrier";

    /** The number from the path, the carrier from the query's optional {@code carrier}. */
    static ShipmentRef inPath(String number, String rawQuery) {
        RequestParameters parameters = new RequestParameters(rawQuery, InvalidParametersException.PARAMETER);
        CarrierTrackingNumber code = parameters.value("tracking_number", number, CarrierTrackingNumber::parse);
        Optional<Carrier> carrier = parameters.optional(CARRIER, Carrier::parse);
        parameters.throwIfInvalid();
        return new ShipmentRef(code, carrier);
    }

    /** The number from the query parameter {@code numberParameter}, the carrier from an optional {@code carrier}. */
    static ShipmentRef inQuery(String rawQuery, String numberParameter) {
        RequestParameters parameters = new RequestParameters(rawQuery, InvalidParametersException.QUERY_PARAMETER);
        CarrierTrackingNumber code = parameters.required(numberParameter, CarrierTrackingNumber::parse);
        Optional<Carrier> carrier = parameters.optional(CARRIER, Carrier::parse);
        parameters.throwIfInvalid();
        return new ShipmentRef(code, carrier);
    }

    /** Says the same whether the shipment does not exist or is hidden from whoever asks. */
    String notFound() {
        return "No shipment has tracking number " + number + carrier.map(code -> " and carrier " + code).orElse("");
    }
}
