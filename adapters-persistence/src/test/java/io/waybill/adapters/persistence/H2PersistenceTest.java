package io.waybill.adapters.persistence;

class H2PersistenceTest extends PersistenceContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.h2();
    }
}
