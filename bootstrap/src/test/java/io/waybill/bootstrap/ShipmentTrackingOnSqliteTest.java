package io.waybill.bootstrap;

/** The shipment-tracking scenario on the embedded defaults: SQLite in a temporary file and the in-process cache. */
class ShipmentTrackingOnSqliteTest extends ShipmentTrackingEndToEndContract {

    @Override
    protected WaybillConfig backend() {
        return WaybillConfig.embedded();
    }

    @Override
    protected void cleanUp() {
        // The cache goes with the service, the temporary database file with the JVM.
    }
}
