package io.waybill.adapters.persistence;

class SqlitePersistenceTest extends PersistenceContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.sqlite();
    }
}
