package io.waybill.adapters.persistence;

import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/**
 * Brings the schema up to date with Flyway, from the engine's folder ({@code db/postgresql} or {@code db/sqlite}),
 * creating the PostgreSQL schema when one is configured. Flyway runs on its own connection, before the pool opens.
 */
final class SchemaMigration {

    private SchemaMigration() {}

    /** @throws org.flywaydb.core.api.FlywayException when the database cannot be reached or migrated */
    static void migrate(DatabaseSettings settings) {
        var flyway = Flyway.configure().createSchemas(true);
        if (settings.engine() == Engine.SQLITE) {
            SQLiteDataSource sqlite = new SQLiteDataSource(PoolConfiguration.sqlite());
            sqlite.setUrl(settings.jdbcUrl());
            flyway.dataSource(sqlite).locations("classpath:db/sqlite");
        } else {
            flyway.dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations("classpath:db/postgresql");
        }
        settings.schema().ifPresent(flyway::schemas);
        flyway.load().migrate();
    }
}
