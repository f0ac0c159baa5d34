package io.waybill.adapters.persistence;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach the database.
 *
 * @param jdbcUrl an H2 ({@code jdbc:h2:...}) or PostgreSQL ({@code jdbc:postgresql://...}) URL
 * @param schema the schema that holds Waybill's tables, created if missing; empty for the connection's default
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
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("only H2 and PostgreSQL JDBC URLs are supported; got " + jdbcUrl);
        }
        if (jdbcUrl.startsWith("jdbc:h2:mem:") && !jdbcUrl.contains(";DB_CLOSE_DELAY=-1")) {
            throw new IllegalArgumentException(
                    "an in-memory H2 URL needs ;DB_CLOSE_DELAY=-1, or the database vanishes between connections");
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

    boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    boolean isInMemoryH2() {
        return jdbcUrl.startsWith("jdbc:h2:mem:");
    }
}
