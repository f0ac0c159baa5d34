package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqliteReportFiguresTest extends ReportFiguresContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.sqlite();
    }

    // SQLite uses a partial index only for a condition written as the index's is: a status spelled otherwise in
    // JdbiReportFigures would quietly make the period's counts read every event.
    @Test
    void thePeriodsDeliveriesAndExceptionsReadOnlyTheirPartialIndexes() throws Exception {
        DatabaseSettings settings = TestDatabases.sqlite();
        try (Persistence ignored = Persistence.open(settings, java.time.Clock.systemUTC())) {
            assertThat(plan(settings, JdbiReportFigures.DELIVERED)).contains("tracking_events_delivered");
            assertThat(plan(settings, JdbiReportFigures.EXCEPTION)).contains("tracking_events_exception");
        } finally {
            TestDatabases.drop(settings);
        }
    }

    private static String plan(DatabaseSettings settings, String condition) {
        return TestDatabases.jdbi(settings).withHandle(handle -> handle.createQuery(
                        "EXPLAIN QUERY PLAN SELECT count(*) FROM tracking_events WHERE " + condition
                                + " AND event_time >= 0 AND event_time < 1")
                .mapToMap()
                .list()
                .toString());
    }
}
