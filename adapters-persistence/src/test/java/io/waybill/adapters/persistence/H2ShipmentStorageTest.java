package io.waybill.adapters.persistence;

class H2ShipmentStorageTest extends ShipmentStorageContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.h2();
    }
}
