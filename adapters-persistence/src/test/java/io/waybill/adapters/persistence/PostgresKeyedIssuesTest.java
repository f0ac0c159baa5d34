package io.waybill.adapters.persistence;

class PostgresKeyedIssuesTest extends KeyedIssuesContract {

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.postgres();
    }
}
