package io.waybill.bootstrap;

/** The shipment-tracking scenario on the defaults: H2 in memory and the in-process cache. */
class ShipmentTrackingOnH2Test extends ShipmentTrackingEndToEndContract {

    @Override
    protected WaybillConfig backend() {
        return WaybillConfig.embedded();
    }

    @Override
    protected void cleanUp() {
        // The in-memory database and the cache go with the service.
    }
}
