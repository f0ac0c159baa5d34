package io.waybill.adapters.persistence;

class PostgresShipmentStorageTest extends ShipmentStorageContract {

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.postgres();
    }
}
