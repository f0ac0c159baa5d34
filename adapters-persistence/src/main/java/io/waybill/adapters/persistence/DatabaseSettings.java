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
 * @param replica a streaming replica of a PostgreSQL primary, to serve lookups, lists and reports; see {@link Replica}
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, Optional<String> schema, int poolSize,
        Duration commitTimeout, Optional<Replica> replica) {

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
        Objects.requireNonNull(replica, "replica");
        if (replica.isPresent() && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a replica is PostgreSQL's, read beside a PostgreSQL primary; the"
                    + " database is " + jdbcUrl + " (the embedded SQLite unless a PostgreSQL URL is configured)");
        }
    }

    /** Without a replica. */
    public DatabaseSettings(
            String jdbcUrl, String user, String password, Optional<String> schema, int poolSize, Duration commitTimeout) {
        this(jdbcUrl, user, password, schema, poolSize, commitTimeout, Optional.empty());
    }

    /** These settings, with reads served by {@code replica} where they may be. */
    public DatabaseSettings withReplica(Replica replica) {
        return new DatabaseSettings(jdbcUrl, user, password, schema, poolSize, commitTimeout, Optional.of(replica));
    }

    /** Without the passwords. */
    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user " + user + ", schema " + schema.orElse("(default)") + ", pool "
                + poolSize + ", commit timeout " + commitTimeout + replica.map(r -> ", " + r).orElse("") + "]";
    }

    /**
     * A streaming replica of the primary, in the same schema, with as many connections. Lookups that miss the cache,
     * lists and reports' figures read from it while it is up, at most {@code maxLag} behind the primary, and has
     * replayed every change this instance made or heard of; everything else, and every read when it is not, goes to
     * the primary ({@code ReplicaReads}).
     *
     * @param jdbcUrl a PostgreSQL JDBC URL ({@code jdbc:postgresql://...})
     * @param maxLag how far behind the primary the replica may fall before reads stop going to it
     */
    public record Replica(String jdbcUrl, String user, String password, Duration maxLag) {

        /** The fewest milliseconds of lag allowed: less than the few the replica's checks themselves take. */
        public static final int MIN_MAX_LAG_MS = 100;

        public Replica {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("a replica is a PostgreSQL database (jdbc:postgresql://...); got "
                        + jdbcUrl);
            }
            if (maxLag.toMillis() < MIN_MAX_LAG_MS) {
                throw new IllegalArgumentException(
                        "the replica's maximum lag is at least " + MIN_MAX_LAG_MS + " ms; got " + maxLag.toMillis());
            }
        }

        /** Without the password. */
        @Override
        public String toString() {
            return "Replica[" + jdbcUrl + ", user " + user + ", max lag " + maxLag.toMillis() + " ms]";
        }
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
