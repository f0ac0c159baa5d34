package io.waybill.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import org.sqlite.SQLiteConfig;

/** How the HikariCP pool connects to SQLite or PostgreSQL, and the driver options each runs with here. */
final class PoolConfiguration {

    static final int BUSY_TIMEOUT_MS = 10_000;
    static final int WAL_LIMIT_BYTES = 16 * 1024 * 1024;

    private PoolConfiguration() {}

    static HikariConfig of(DatabaseSettings settings) {
        HikariConfig config = pool("waybill", settings.jdbcUrl(), settings.user(), settings.password(), settings);
        config.setConnectionTimeout(3_000);
        if (settings.engine() == Engine.SQLITE) {
            config.setDataSourceProperties(sqlite().toProperties());
        } else {
            postgres(config);
        }
        return config;
    }

    /**
     * The replica's pool: as the primary's, read-only; a read waits at most a second for a connection and ten for an
     * answer (the primary serves it then), and the pool starts whether or not the replica answers, since it may come
     * up later.
     */
    static HikariConfig replica(DatabaseSettings settings, DatabaseSettings.Replica replica) {
        HikariConfig config = pool("waybill-replica", replica.jdbcUrl(), replica.user(), replica.password(), settings);
        config.setConnectionTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        config.setReadOnly(true);
        postgres(config);
        config.addDataSourceProperty("socketTimeout", "10");
        return config;
    }

    private static HikariConfig pool(String name, String jdbcUrl, String user, String password,
            DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(settings.poolSize());
        config.setValidationTimeout(1_000);
        settings.schema().ifPresent(config::setSchema);
        return config;
    }

    private static void postgres(HikariConfig config) {
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

    /**
     * SQLite's settings, on every connection (Flyway's too). WAL lets readers and one writer at a time work at once,
     * from any number of processes. {@code synchronous=FULL} syncs the WAL at every commit, as PostgreSQL does: with
     * {@code NORMAL} a power cut could undo the last commits, among them a reserved block of tracking numbers, which
     * would then be issued twice. A writer waits up to {@value #BUSY_TIMEOUT_MS} ms for another's lock (another
     * process's import) before failing. After a checkpoint, the WAL is cut back to {@value #WAL_LIMIT_BYTES} bytes.
     * Foreign keys are SQLite's to enforce only when asked, per connection.
     */
    static SQLiteConfig sqlite() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalSizeLimit(WAL_LIMIT_BYTES);
        config.enforceForeignKeys(true);
        return config;
    }
}
