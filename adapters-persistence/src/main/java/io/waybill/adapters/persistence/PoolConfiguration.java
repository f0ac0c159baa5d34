package io.waybill.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;

/** How the HikariCP pool connects to H2 or PostgreSQL, and the driver options PostgreSQL runs with here. */
final class PoolConfiguration {

    private PoolConfiguration() {}

    static HikariConfig of(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("waybill");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(1_000);
        settings.schema().ifPresent(config::setSchema);
        if (settings.isPostgres()) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            // Without it the driver's messages quote a failed batch's statement with its values and the refused row
            // ("Failing row contains (..)"): customers' names in any log. DatabaseFailures keeps messages out anyway.
            config.addDataSourceProperty("logServerErrorDetail", "false");
            // A database that stops answering without closing the connection fails requests instead of hanging them.
            config.addDataSourceProperty("socketTimeout", "60");
            // Every statement here reads a few rows by index. PostgreSQL still plans parallel workers for reads of
            // many keys at once (ShipmentReader), and starts them, a process each, for every execution: reading 500
            // shipments took 10 ms with two workers and 4 ms without.
            config.addDataSourceProperty("options", "-c max_parallel_workers_per_gather=0");
        }
        return config;
    }
}
