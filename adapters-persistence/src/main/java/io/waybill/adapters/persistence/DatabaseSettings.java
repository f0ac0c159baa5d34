package io.waybill.adapters.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach the database.
 *
 * @param jdbcUrl a SQLite ({@code jdbc:sqlite:<file>}) or PostgreSQL ({@code jdbc:postgresql://...}) URL
 * @param schema the PostgreSQL schema that holds Waybill's tables, created if missing; empty for the connection's
 *     default, and always on SQLite, which has none
 * @param poolSize the most connections this instance opens
 * @param commitTimeout how long a request waits for its group commit before it fails
 */
public record DatabaseSettings(
        String jdbcUrl, String user, String password, Optional<String> schema, int poolSize, Duration commitTimeout) {

    /** The fewest connections the pool may have; the environment variable is held to it too. */
    public static final int MIN_POOL_SIZE = 2;

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("H2 is no longer supported (its files grew by kilobytes a number and let"
                    + " one process in); the embedded database is SQLite, and an H2 database in the data directory is"
                    + " moved into it at start. Use jdbc:sqlite:<file> or jdbc:postgresql://...; got " + jdbcUrl);
        }
        if (!jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("only SQLite and PostgreSQL JDBC URLs are supported; got " + jdbcUrl);
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:") && (sqliteFile(jdbcUrl).isEmpty() || jdbcUrl.contains(":memory:")
                || jdbcUrl.contains("mode=memory"))) {
            throw new IllegalArgumentException("a SQLite URL names a file (jdbc:sqlite:/path/waybill.db): an in-memory"
                    + " SQLite database is one connection's alone; got " + jdbcUrl);
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:") && schema.isPresent()) {
            throw new IllegalArgumentException("SQLite has no schemas; give each database a file of its own instead of"
                    + " schema " + schema.get());
        }
        schema.ifPresent(DatabaseSettings::checkSchemaName);
        if (poolSize < MIN_POOL_SIZE) {
            throw new IllegalArgumentException(
                    "the pool needs at least " + MIN_POOL_SIZE + " connections; got " + poolSize);
        }
        if (commitTimeout.isNegative() || commitTimeout.isZero()) {
            throw new IllegalArgumentException("the commit timeout must be positive; got " + commitTimeout);
        }
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user " + user + ", schema " + schema.orElse("(default)") + ", pool "
                + poolSize + ", commit timeout " + commitTimeout + "]";
    }

    /** Returns {@code name} if it can name a schema: lower-case letters, digits and underscores. */
    public static String checkSchemaName(String name) {
        if (!SCHEMA_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a schema name is lower-case letters, digits and underscores; got " + name);
        }
        return name;
    }

    /** A SQLite database in {@code file}, on the service's defaults otherwise. */
    public static DatabaseSettings sqlite(Path file, int poolSize, Duration commitTimeout) {
        return new DatabaseSettings("jdbc:sqlite:" + file.toAbsolutePath(), "", "", Optional.empty(), poolSize,
                commitTimeout);
    }

    Engine engine() {
        return Engine.of(jdbcUrl);
    }

    public boolean isPostgres() {
        return engine() == Engine.POSTGRES;
    }

    /** The file of a SQLite URL, without the URL's parameters. */
    public static String sqliteFile(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int parameters = file.indexOf('?');
        return parameters < 0 ? file : file.substring(0, parameters);
    }
}
