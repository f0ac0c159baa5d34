package io.waybill.application.port.in;

/** No shipment has this tracking number (and carrier). */
public final class ShipmentNotFoundException extends RuntimeException {

    public ShipmentNotFoundException(String message) {
        super(message);
    }
}
