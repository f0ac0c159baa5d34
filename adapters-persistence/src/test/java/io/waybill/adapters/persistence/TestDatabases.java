package io.waybill.adapters.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;

/** Databases for tests: a fresh SQLite file, or a fresh schema in the local PostgreSQL. */
final class TestDatabases {

    static final String POSTGRES_URL = System.getenv().getOrDefault(
            "WAYBILL_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = System.getenv().getOrDefault("WAYBILL_TEST_POSTGRES_USER", "postgres");

    private TestDatabases() {}

    /** A new SQLite database in a directory of its own, as {@code serve} uses it by default. */
    static DatabaseSettings sqlite() throws IOException {
        Path directory = Files.createTempDirectory("waybill-sqlite-");
        return DatabaseSettings.sqlite(directory.resolve("waybill.db"), 4, Duration.ofSeconds(5));
    }

    /**
     * Settings for a new schema of its own in the local PostgreSQL. When PostgreSQL cannot be reached, the test is
     * skipped on a developer's machine and fails under CI ({@code CI=true}).
     */
    static DatabaseSettings postgres() {
        requirePostgres();
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return new DatabaseSettings(POSTGRES_URL, POSTGRES_USER, "", Optional.of(schema), 4, Duration.ofSeconds(5));
    }

    /** Drops the PostgreSQL schema, or deletes the SQLite files, made by {@link #postgres()} or {@link #sqlite()}. */
    static void drop(DatabaseSettings settings) throws SQLException, IOException {
        if (settings.isPostgres()) {
            try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + settings.schema().orElseThrow() + " CASCADE");
            }
        } else {
            Path directory = Path.of(DatabaseSettings.sqliteFile(settings.jdbcUrl())).getParent();
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Drops {@code table}, and on PostgreSQL what depends on it (SQLite's plain connections check no foreign keys). */
    static void dropTable(DatabaseSettings settings, String table) {
        jdbi(settings).useHandle(handle ->
                handle.execute("DROP TABLE " + table + (settings.isPostgres() ? " CASCADE" : "")));
    }

    /** Plain connections to the database, past the pool and the adapter, for looking at what is stored. */
    static Jdbi jdbi(DatabaseSettings settings) {
        return Jdbi.create(() -> {
            Connection connection =
                    DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
            if (settings.schema().isPresent()) {
                connection.setSchema(settings.schema().get());
            }
            return connection;
        });
    }

    private static void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            // reachable
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL is required under CI but unreachable at " + POSTGRES_URL, e);
            }
            Assumptions.abort("PostgreSQL unreachable at " + POSTGRES_URL + ": " + e.getMessage());
        }
    }
}
