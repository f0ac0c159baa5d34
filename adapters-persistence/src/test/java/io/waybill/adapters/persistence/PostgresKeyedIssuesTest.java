package io.waybill.adapters.persistence;

class PostgresKeyedIssuesTest extends DatabaseKeyedIssuesContract {

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.postgres();
    }
}
