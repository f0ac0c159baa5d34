package io.waybill.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.adapters.persistence.csv.CsvShipmentFiles;
import io.waybill.application.port.out.ClusterJobs;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.KeyedIssues;
import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.PermutationKeyStore;
import io.waybill.application.port.out.ReportFigures;
import io.waybill.application.port.out.ReportRepository;
import io.waybill.application.port.out.ShipmentChanges;
import io.waybill.application.port.out.ShipmentFileReader;
import io.waybill.application.port.out.ShipmentFileWriter;
import io.waybill.application.port.out.ShipmentQueries;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.port.out.TrackingSequence;
import io.waybill.application.port.out.WeatherStore;
import io.waybill.application.port.out.WebhookPayloads;
import io.waybill.application.port.out.WebhookStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Waybill's storage on SQLite (the embedded default) or PostgreSQL: opens a connection pool, brings the schema up to
 * date with Flyway, and hands out the outgoing ports it implements.
 *
 * <p>Lifecycle: {@link #open} migrates and connects; {@link #close} commits what is queued, then closes the pool.
 * Several instances, in one process or many, may share one database. Thread-safe.
 */
public final class Persistence implements AutoCloseable {

    private static final Object SQLITE_SET_UP = new Object();

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Engine engine;
    private final JdbcShipmentRepository shipments;
    private final JdbiPermutationKeyStore keys;
    private final JdbcKeyedIssues keyedIssues;
    private final ChangeReports changes;
    private final JdbiWeatherStore weather;
    private final DbSchedulerClusterJobs jobs;
    private final JdbiReportRepository reports;
    private final Optional<ReplicaReads> replica;
    private final JdbcWebhookStore webhooks;

    private Persistence(DatabaseSettings settings, HikariDataSource dataSource, Clock clock, Metrics metrics,
            Optional<WebhookPayloads> payloads) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.engine = settings.engine();
        this.changes = ChangeReports.forDatabase(settings, jdbi, clock);
        this.replica = settings.replica().map(replica -> ReplicaReads.open(settings, replica, dataSource, jdbi, metrics));
        try {
            WrittenShipments written = replica.<WrittenShipments>map(reads -> reads).orElse(WrittenShipments.NONE);
            WebhookOutbox outbox = new WebhookOutbox(engine, payloads);
            this.shipments = new JdbcShipmentRepository(jdbi, dataSource, engine, clock, writers(engine),
                    settings.commitTimeout(), new TableStatistics(jdbi, engine == Engine.POSTGRES), changes.notifier(),
                    outbox, metrics, written);
            this.keys = new JdbiPermutationKeyStore(jdbi, engine, clock);
            this.keyedIssues = new JdbcKeyedIssues(
                    jdbi, dataSource, engine, writers(engine), settings.commitTimeout(), metrics, written);
            this.weather = new JdbiWeatherStore(jdbi, engine);
            this.jobs = DbSchedulerClusterJobs.on(dataSource, settings);
            this.reports = new JdbiReportRepository(jdbi, engine, clock);
            this.webhooks = new JdbcWebhookStore(jdbi, engine, new ShipmentReader(dataSource, engine), outbox);
            // The replica hears of changes before the cache does (listeners are told in the order they subscribe): a
            // lookup that misses the cache after a change never reads the replica before it holds the change.
            replica.ifPresent(reads -> changes.changes().subscribe(reads));
        } catch (RuntimeException e) {
            replica.ifPresent(ReplicaReads::close);
            changes.close();
            throw e;
        }
    }

    /**
     * Migrates the schema and opens the pool.
     *
     * @throws org.flywaydb.core.api.FlywayException when the database cannot be reached or migrated
     * @throws IllegalStateException when an H2 database of an earlier version lies beside the SQLite file and cannot
     *     be moved into it ({@link LegacyH2Database})
     */
    public static Persistence open(DatabaseSettings settings, Clock clock) {
        return open(settings, clock, Metrics.NONE);
    }

    /**
     * {@link #open(DatabaseSettings, Clock)}, counting into {@code metrics}: the group commits' batches and waits, and,
     * when {@code metrics} are Micrometer's, the pool's use by HikariCP's own meters ({@code hikaricp.connections.*},
     * tagged {@code pool=waybill}).
     */
    public static Persistence open(DatabaseSettings settings, Clock clock, Metrics metrics) {
        return open(settings, clock, metrics, Optional.empty());
    }

    /**
     * {@link #open(DatabaseSettings, Clock, Metrics)}, with every change to a shipment recording, in its own
     * transaction, the webhook messages it causes, their data written by {@code payloads}; without them, none.
     */
    public static Persistence open(DatabaseSettings settings, Clock clock, Metrics metrics,
            Optional<WebhookPayloads> payloads) {
        if (settings.engine() == Engine.SQLITE) {
            setUpSqlite(settings);
        } else {
            SchemaMigration.migrate(settings);
        }
        HikariConfig pool = PoolConfiguration.of(settings);
        metrics.unwrap(MeterRegistry.class).ifPresent(pool::setMetricRegistry);
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            return new Persistence(settings, dataSource, clock, metrics, payloads);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Makes the SQLite file's directory (SQLite makes the file but not the directories above it), moves an H2 database
     * of an earlier version into it, and migrates it: one process at a time, under a lock on {@code <file>.lock}, so
     * that a {@code serve} and an {@code import} started together neither both move the H2 database nor both make the
     * schema. (The file lock is the process's; the monitor keeps this JVM's own callers apart, which it would not.)
     */
    private static void setUpSqlite(DatabaseSettings settings) {
        Path file = Path.of(DatabaseSettings.sqliteFile(settings.jdbcUrl())).toAbsolutePath();
        synchronized (SQLITE_SET_UP) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel lockFile = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = lockFile.lock()) {
                    LegacyH2Database.moveIfPresent(settings);
                    SchemaMigration.migrate(settings);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare the database's directory " + file.getParent(), e);
            }
        }
    }

    /**
     * Reads the track-and-trace CSV format, in which shipments are imported; no database needed. Thread-safe.
     */
    public static ShipmentFileReader shipmentFileReader() {
        return CsvShipmentFiles.reader();
    }

    /** Writes shipments in the track-and-trace CSV format, which an import reads back; no database needed. */
    public static ShipmentFileWriter shipmentFileWriter() {
        return CsvShipmentFiles.writer();
    }

    /** The shipments as the primary stores them: every write, and the reads that decide one. */
    public ShipmentRepository shipments() {
        return shipments;
    }

    /**
     * Lookups and lists of shipments for readers: the replica's where it may serve them (see
     * {@link DatabaseSettings.Replica}), the primary's otherwise; {@link #shipments} without a replica.
     */
    public ShipmentQueries shipmentQueries() {
        return replica.<ShipmentQueries>map(reads -> reads).orElse(shipments);
    }

    public TrackingSequence trackingSequence() {
        return new JdbiTrackingSequence(jdbi, engine);
    }

    public KeyedIssues keyedIssues() {
        return keyedIssues;
    }

    public PermutationKeyStore permutationKeys() {
        return keys;
    }

    /** The weather of places and the claims on their next fetch, shared by every instance on this database. */
    public WeatherStore weather() {
        return weather;
    }

    /**
     * Recurring jobs run once per cluster of the instances on this database, by db-scheduler on its table
     * {@code scheduled_tasks}. {@link ClusterJobs#start} may be called once; what it returns stops the jobs, and
     * {@link #close} does too if they still run (first, before anything else closes).
     */
    public ClusterJobs clusterJobs() {
        return jobs;
    }

    /**
     * The times of a cron expression in {@code zone}, for a job on {@link #clusterJobs}: five fields (minute first)
     * or six (seconds first); see {@link CronCalendar}. No database needed.
     *
     * @throws IllegalArgumentException when {@code expression} is not one, or names no time to come
     */
    public static ClusterJobs.Calendar cron(String expression, ZoneId zone) {
        return CronCalendar.parse(expression, zone);
    }

    /** The figures of status reports, counted by the database; see {@link JdbiReportFigures}. */
    public ReportFigures reportFigures() {
        return replica.map(ReplicaReads::figures).orElseGet(() -> new JdbiReportFigures(jdbi, engine));
    }

    /**
     * The status reports made, one per slot, with where each was archived, shared by every instance on this database;
     * see {@link JdbiReportRepository}.
     */
    public ReportRepository reports() {
        return reports;
    }

    /** The webhook subscriptions and the outbox of their messages, shared by every instance on this database. */
    public WebhookStore webhooks() {
        return webhooks;
    }

    public ComponentProbe probe() {
        return new DatabaseProbe(jdbi);
    }

    /** With a replica, {@code database_replica}: degraded, and why, while reads bypass it. */
    public Optional<ComponentProbe> replicaProbe() {
        return replica.map(ReplicaReads::probe);
    }

    /**
     * The changes to shipments that other instances on this database commit: on PostgreSQL by {@code NOTIFY} in the
     * transaction of each change, heard on a connection of its own; on SQLite by a row of each change's transaction in
     * {@code shipment_changes}, which every process reads now and then ({@link SqliteShipmentChanges}).
     */
    public ShipmentChanges shipmentChanges() {
        return changes.changes();
    }

    @Override
    public void close() {
        try (ChangeReports reports = changes;
                ReplicaReads replicaReads = replica.orElse(null);
                JdbcShipmentRepository queued = shipments;
                JdbcKeyedIssues queuedWithKeys = keyedIssues;
                DbSchedulerClusterJobs runningJobs = jobs) {
            // resources close in reverse order: the jobs first (a run may still write), then what is queued is
            // committed, the change reports last
        } finally {
            dataSource.close();
        }
    }

    // PostgreSQL overlaps two commits well; SQLite lets one writer at a time in. Commits are durable by themselves on
    // both (SQLite: WAL with synchronous=FULL, see PoolConfiguration).
    private static int writers(Engine engine) {
        return engine == Engine.POSTGRES ? 2 : 1;
    }
}
