package io.waybill.adapters.persistence;

class SqliteKeyedIssuesTest extends DatabaseKeyedIssuesContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.sqlite();
    }
}
