package io.waybill.adapters.persistence;

class H2KeyedIssuesTest extends DatabaseKeyedIssuesContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.h2();
    }
}
