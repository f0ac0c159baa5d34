package io.waybill.adapters.persistence;

class PostgresReportRepositoryTest extends ReportRepositoryContract {

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.postgres();
    }
}
