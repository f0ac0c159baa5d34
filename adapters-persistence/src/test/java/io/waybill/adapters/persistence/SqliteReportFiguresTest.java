package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqliteReportFiguresTest extends ReportFiguresContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.sqlite();
    }

    // SQLite uses a partial index only for a condition written as the index's is: a final status added to the enum
    // without a migration that renews the index would quietly make the stalled count read every shipment.
    @Test
    void theStalledCountReadsOnlyThePartialIndexOfShipmentsUnderWay() throws Exception {
        DatabaseSettings settings = TestDatabases.sqlite();
        try (Persistence ignored = Persistence.open(settings, java.time.Clock.systemUTC())) {
            String plan = TestDatabases.jdbi(settings).withHandle(handle -> handle.createQuery(
                            "EXPLAIN QUERY PLAN SELECT count(*) FROM shipments WHERE " + JdbiReportFigures.NOT_FINAL
                                    + " AND last_recorded_at < 0")
                    .mapToMap()
                    .list()
                    .toString());
            assertThat(plan).contains("shipments_stalled");
        } finally {
            TestDatabases.drop(settings);
        }
    }
}
