package io.waybill.adapters.persistence;

import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with Flyway, from {@code db/migration}, creating the schema when one is configured.
 * Flyway runs on its own connection, before the pool opens: H2 refuses a pool whose connections name a schema not yet
 * created.
 */
final class SchemaMigration {

    private static final int H2_DATABASE_IN_USE = 90020;

    private SchemaMigration() {}

    /**
     * @throws org.flywaydb.core.api.FlywayException when the database cannot be reached or migrated
     * @throws IllegalStateException when the embedded database's files are open in another process
     */
    static void migrate(DatabaseSettings settings) {
        try {
            runFlyway(settings);
        } catch (RuntimeException e) {
            throw inUseElsewhere(e).orElseThrow(() -> e);
        }
    }

    private static void runFlyway(DatabaseSettings settings) {
        var flyway = Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration")
                .createSchemas(true);
        settings.schema().ifPresent(flyway::schemas);
        flyway.load().migrate();
    }

    // H2 lets one process at a time open its files, and says so with error 90020.
    private static Optional<IllegalStateException> inUseElsewhere(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return Optional.of(new IllegalStateException("The embedded database is open in another process,"
                        + " such as a running 'waybill serve' (H2 lets one process at a time use its files): stop"
                        + " that process and run this again, or have both use PostgreSQL (WAYBILL_DATABASE_URL)",
                        failure));
            }
        }
        return Optional.empty();
    }
}
