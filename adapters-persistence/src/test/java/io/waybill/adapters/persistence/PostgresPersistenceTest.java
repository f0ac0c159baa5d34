package io.waybill.adapters.persistence;

class PostgresPersistenceTest extends PersistenceContract {

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.postgres();
    }
}
