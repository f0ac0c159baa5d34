package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.Poll;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replica's test fixture itself: a real primary whose writes stream to a read-only replica, which can go away. */
class PostgresReplicaPairTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static PostgresReplicaPair pair;

    @BeforeAll
    static void start() {
        pair = PostgresReplicaPair.start();
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void aWriteOnThePrimaryReachesTheReplicaWhichRefusesWrites() throws Exception {
        execute(pair.primaryUrl(), "CREATE TABLE streamed (x int); INSERT INTO streamed VALUES (42)");

        Poll.until("the row is on the replica", () -> count(pair.replicaUrl(), "SELECT count(*) FROM streamed") == 1,
                WITHIN);
        assertThat(count(pair.replicaUrl(), "SELECT count(*) FROM streamed WHERE pg_is_in_recovery()")).isEqualTo(1);
        assertThatThrownBy(() -> execute(pair.replicaUrl(), "INSERT INTO streamed VALUES (1)"))
                .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
    }

    @Test
    void theReplicaStoppedAndStartedAgainCatchesUp() throws Exception {
        execute(pair.primaryUrl(), "CREATE TABLE caught_up (x int)");
        pair.stopReplica();
        try {
            assertThatThrownBy(() -> count(pair.replicaUrl(), "SELECT 1")).hasRootCauseInstanceOf(ConnectException.class);
            execute(pair.primaryUrl(), "INSERT INTO caught_up SELECT generate_series(1, 1000)");
        } finally {
            pair.startReplica();
        }

        Poll.until("the replica has caught up", () -> count(pair.replicaUrl(), "SELECT count(*) FROM caught_up") == 1000,
                WITHIN);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresReplicaPair.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, PostgresReplicaPair.USER, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            if (e.getMessage().contains("does not exist")) {
                return -1;
            }
            throw new IllegalStateException(e);
        }
    }
}
