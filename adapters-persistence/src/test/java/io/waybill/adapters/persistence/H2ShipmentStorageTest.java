package io.waybill.adapters.persistence;

class H2ShipmentStorageTest extends DatabaseShipmentStorageContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.h2();
    }
}
