package io.waybill.adapters.http;

import io.waybill.domain.Carrier;
import io.waybill.domain.TrackingCode;
import java.util.Optional;

/** The shipment a request names: a tracking number, and its carrier when the number alone may not be enough. */
record ShipmentRef(TrackingCode number, Optional<Carrier> carrier) {

    static final String CARRIER = "carrier";

    /** The number from the path, the carrier from the query's optional {@code carrier}. */
    static ShipmentRef inPath(String number, String rawQuery) {
        RequestParameters parameters = new RequestParameters(rawQuery, InvalidParametersException.PARAMETER);
        TrackingCode code = parameters.value("tracking_number", number, TrackingCode::parse);
        Optional<Carrier> carrier = parameters.optional(CARRIER, Carrier::parse);
        parameters.throwIfInvalid();
        return new ShipmentRef(code, carrier);
    }

    /** The number from the query parameter {@code numberParameter}, the carrier from an optional {@code carrier}. */
    static ShipmentRef inQuery(String rawQuery, String numberParameter) {
        RequestParameters parameters = new RequestParameters(rawQuery, InvalidParametersException.QUERY_PARAMETER);
        TrackingCode code = parameters.required(numberParameter, TrackingCode::parse);
        Optional<Carrier> carrier = parameters.optional(CARRIER, Carrier::parse);
        parameters.throwIfInvalid();
        return new ShipmentRef(code, carrier);
    }

    /** Says the same whether the shipment does not exist or is hidden from whoever asks. */
    String notFound() {
        return "No shipment has tracking number " + number + carrier.map(code -> " and carrier " + code).orElse("");
    }
}
