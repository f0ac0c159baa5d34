package io.waybill.adapters.persistence;

class PostgresReportFiguresTest extends ReportFiguresContract {

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.postgres();
    }
}
