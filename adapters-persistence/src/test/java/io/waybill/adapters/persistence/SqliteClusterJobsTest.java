package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.Poll;
import io.waybill.application.port.out.ClusterJobs.Job;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class SqliteClusterJobsTest extends ClusterJobsContract {

    @Override
    DatabaseSettings newDatabase() throws Exception {
        return TestDatabases.sqlite();
    }

    @Override
    void setDue(String job, Instant time) {
        TestDatabases.jdbi(database.settings()).useHandle(handle -> handle.createUpdate(
                        "UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ?")
                .bind(0, ChronoUnit.MICROS.between(Instant.EPOCH, time)).bind(1, job).execute());
    }

    @Override
    Instant due(String job) {
        long micros = TestDatabases.jdbi(database.settings()).withHandle(handle -> handle.createQuery(
                        "SELECT execution_time FROM scheduled_tasks WHERE task_name = ?")
                .bind(0, job).mapTo(Long.class).one());
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    @Test
    void timesAreIntegerMicrosecondsAndNothingElse() {
        Instant before = Instant.now();
        try (Persistence persistence = Persistence.open(database.settings(), Clock.systemUTC())) {
            persistence.clusterJobs().start(List.of(new Job("minutely", Duration.ofMinutes(1), () -> {})));
            Poll.until("the first run is done", () -> count("last_success IS NOT NULL") == 1, Duration.ofSeconds(10));
        }

        assertThat(count("typeof(execution_time) = 'integer' AND typeof(last_success) = 'integer'")).isOne();
        // The next run, a minute after the first was due (soon after the start), in microseconds.
        assertThat(due("minutely")).isBetween(before.plusSeconds(59), Instant.now().plusSeconds(61));
        // SQLite orders every INTEGER before every TEXT: a time written as text would never be due.
        assertThatThrownBy(() -> TestDatabases.jdbi(database.settings()).useHandle(handle -> handle.execute(
                        "UPDATE scheduled_tasks SET execution_time = '2026-12-06 10:00:00'")))
                .isInstanceOf(UnableToExecuteStatementException.class).hasMessageContaining("CHECK");
    }

    private int count(String condition) {
        return TestDatabases.jdbi(database.settings()).withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM scheduled_tasks WHERE " + condition).mapTo(Integer.class).one());
    }
}
