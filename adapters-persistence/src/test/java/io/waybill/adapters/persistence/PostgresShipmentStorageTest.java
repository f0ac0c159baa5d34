package io.waybill.adapters.persistence;

class PostgresShipmentStorageTest extends DatabaseShipmentStorageContract {

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.postgres();
    }
}
