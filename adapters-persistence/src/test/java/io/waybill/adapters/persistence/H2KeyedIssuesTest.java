package io.waybill.adapters.persistence;

class H2KeyedIssuesTest extends KeyedIssuesContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.h2();
    }
}
