package io.waybill.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own for a test that runs the service in other processes: a new schema in the local
 * PostgreSQL (dropped on close), or a SQLite file in a directory the test owns. Without PostgreSQL, a PostgreSQL test
 * is skipped on a developer's machine and fails under CI ({@code CI=true}).
 */
final class TestDatabase implements AutoCloseable {

    static final String POSTGRES_URL = System.getenv().getOrDefault(
            "WAYBILL_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = System.getenv().getOrDefault("WAYBILL_TEST_POSTGRES_USER", "postgres");

    private final Map<String, String> environment;
    private final String jdbcUrl;
    private final String user;
    private final String schema;

    private TestDatabase(Map<String, String> environment, String jdbcUrl, String user, String schema) {
        this.environment = environment;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.schema = schema;
    }

    static TestDatabase postgres() {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            // serve requires a report store with PostgreSQL: a directory, named for the schema, removed on close.
            Path reports = Path.of(System.getProperty("java.io.tmpdir"), "waybill-reports-" + schema);
            return new TestDatabase(
                    Map.of("WAYBILL_DATABASE_URL", POSTGRES_URL, "WAYBILL_DATABASE_USER", POSTGRES_USER,
                            "WAYBILL_DATABASE_SCHEMA", schema, "WAYBILL_REPORT_STORE", reports.toString()),
                    POSTGRES_URL, POSTGRES_USER, schema);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL is required under CI but unreachable at " + POSTGRES_URL, e);
            }
            Assumptions.abort("PostgreSQL unreachable at " + POSTGRES_URL + ": " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    /** The embedded default of {@code serve}: SQLite in {@code waybill.db} under {@code directory}. */
    static TestDatabase sqliteFile(Path directory) {
        return new TestDatabase(Map.of("WAYBILL_DATA_DIR", directory.toString()),
                "jdbc:sqlite:" + directory.resolve("waybill.db"), "", null);
    }

    /** The settings that point {@code serve} at this database. */
    Map<String, String> environment() {
        return environment;
    }

    /** Every stored tracking number; SQLite's too while a service writes to it. */
    Set<String> storedTrackingNumbers() throws SQLException {
        Set<String> numbers = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT tracking_number FROM " + (schema == null ? "" : schema + ".") + "shipments")) {
            while (rows.next()) {
                numbers.add(rows.getString(1));
            }
        }
        return numbers;
    }

    /** The bytes of PostgreSQL's shipments table with its indexes and TOAST: {@code pg_total_relation_size}. */
    long postgresShipmentBytes() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT pg_total_relation_size('" + schema + ".shipments')")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * How many instances listen for the changes made in this PostgreSQL schema: connections named for its channel
     * that have run a statement, the first of which is their {@code LISTEN}.
     */
    int listeningInstances() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE application_name = ? AND (query LIKE 'LISTEN %' OR query = 'SELECT 1')")) {
            statement.setString(1, "waybill changes waybill:" + schema);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Override
    public void close() throws SQLException, IOException {
        Optional<Path> reports = Optional.ofNullable(environment.get("WAYBILL_REPORT_STORE")).map(Path::of);
        if (reports.isPresent() && Files.isDirectory(reports.get())) {
            try (Stream<Path> files = Files.walk(reports.get())) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
