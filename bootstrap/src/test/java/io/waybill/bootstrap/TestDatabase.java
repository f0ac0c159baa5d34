package io.waybill.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own in the local PostgreSQL, dropped on close. Skips the test on a developer's machine without
 * PostgreSQL, and fails it under CI ({@code CI=true}).
 */
final class TestDatabase implements AutoCloseable {

    static final String URL = System.getenv().getOrDefault(
            "WAYBILL_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("WAYBILL_TEST_POSTGRES_USER", "postgres");

    private final String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    private TestDatabase() {}

    static TestDatabase postgres() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, "")) {
            return new TestDatabase();
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL is required under CI but unreachable at " + URL, e);
            }
            Assumptions.abort("PostgreSQL unreachable at " + URL + ": " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    /** The settings that point Waybill at this schema. */
    Map<String, String> environment() {
        return Map.of("WAYBILL_DATABASE_URL", URL, "WAYBILL_DATABASE_USER", USER, "WAYBILL_DATABASE_SCHEMA", schema);
    }

    Set<String> storedTrackingNumbers() throws SQLException {
        Set<String> numbers = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT tracking_number FROM " + schema + ".shipments")) {
            while (rows.next()) {
                numbers.add(rows.getString(1));
            }
        }
        return numbers;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
