package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqliteReportRepositoryTest extends ReportRepositoryContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.sqlite();
    }

    // A read of the table other than through the index: a scan of every report, or by the slot (the rowid).
    private static final String OTHER_READ = "(SCAN|SEARCH) reports(?! USING (COVERING )?INDEX reports_waiting)";

    // SQLite uses a partial index only for a condition written as the index's is: spelled otherwise in
    // JdbiReportRepository, the due reports and the backlog would quietly read every report ever made.
    @Test
    void theDueReportsAndTheBacklogReadOnlyThePartialIndexOfTheWaiting() {
        repository();

        String due = plan(JdbiReportRepository.DUE.replace(":now", "0").replace(":limit", "10"));
        String backlog = plan(JdbiReportRepository.BACKLOG);

        assertThat(due).contains("reports_waiting").doesNotContainPattern(OTHER_READ);
        assertThat(backlog).contains("reports_waiting").doesNotContainPattern(OTHER_READ);
    }

    private String plan(String query) {
        return TestDatabases.jdbi(database.settings()).withHandle(handle -> handle
                .createQuery("EXPLAIN QUERY PLAN " + query)
                .mapToMap()
                .list()
                .toString());
    }
}
