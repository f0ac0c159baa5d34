package io.waybill.adapters.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

class PostgresClusterJobsTest extends ClusterJobsContract {

    @Override
    DatabaseSettings newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    void setDue(String job, Instant time) {
        TestDatabases.jdbi(database.settings()).useHandle(handle -> handle.createUpdate(
                        "UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ?")
                .bind(0, time.atOffset(ZoneOffset.UTC)).bind(1, job).execute());
    }

    @Override
    Instant due(String job) {
        return TestDatabases.jdbi(database.settings()).withHandle(handle -> handle.createQuery(
                        "SELECT execution_time FROM scheduled_tasks WHERE task_name = ?")
                .bind(0, job).mapTo(OffsetDateTime.class).one()).toInstant();
    }
}
