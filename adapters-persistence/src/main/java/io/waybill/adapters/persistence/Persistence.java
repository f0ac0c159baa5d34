package io.waybill.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.waybill.adapters.persistence.csv.CsvShipmentFiles;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.KeyedIssues;
import io.waybill.application.port.out.PermutationKeyStore;
import io.waybill.application.port.out.ShipmentChanges;
import io.waybill.application.port.out.ShipmentFileReader;
import io.waybill.application.port.out.ShipmentFileWriter;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.port.out.TrackingSequence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;

/**
 * Waybill's storage on H2 or PostgreSQL: opens a connection pool, brings the schema up to date with Flyway, and
 * hands out the outgoing ports it implements.
 *
 * <p>Lifecycle: {@link #open} migrates and connects; {@link #close} commits what is queued, then closes the pool.
 * Several instances, in one process or many, may share one database. Thread-safe.
 */
public final class Persistence implements AutoCloseable {

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final JdbcShipmentRepository shipments;
    private final JdbiPermutationKeyStore keys;
    private final JdbcKeyedIssues keyedIssues;
    private final ChangeReports changes;

    private Persistence(DatabaseSettings settings, HikariDataSource dataSource, Clock clock) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.changes = ChangeReports.forDatabase(settings, jdbi);
        this.shipments =
                new JdbcShipmentRepository(jdbi, dataSource, clock, writers(settings), settings.commitTimeout(),
                        this::flush, new TableStatistics(jdbi, settings.isPostgres()), changes.notifier());
        this.keys = new JdbiPermutationKeyStore(jdbi, clock);
        this.keyedIssues =
                new JdbcKeyedIssues(jdbi, dataSource, writers(settings), settings.commitTimeout(), this::flush);
    }

    /**
     * Migrates the schema and opens the pool.
     *
     * @throws org.flywaydb.core.api.FlywayException when the database cannot be reached or migrated
     * @throws IllegalStateException when the embedded database's files are open in another process
     */
    public static Persistence open(DatabaseSettings settings, Clock clock) {
        SchemaMigration.migrate(settings);
        HikariDataSource dataSource = new HikariDataSource(PoolConfiguration.of(settings));
        try {
            return new Persistence(settings, dataSource, clock);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
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

    public ShipmentRepository shipments() {
        return shipments;
    }

    public TrackingSequence trackingSequence() {
        return new JdbiTrackingSequence(jdbi, this::flush);
    }

    public KeyedIssues keyedIssues() {
        return keyedIssues;
    }

    public PermutationKeyStore permutationKeys() {
        return keys;
    }

    public ComponentProbe probe() {
        return new DatabaseProbe(jdbi);
    }

    /**
     * The changes to shipments that other instances on this schema commit: reported on PostgreSQL (by {@code NOTIFY}
     * in the transaction of each change, heard on a connection of its own), never on H2, which one process uses.
     */
    public ShipmentChanges shipmentChanges() {
        return changes.changes();
    }

    @Override
    public void close() {
        try (ChangeReports reports = changes;
                JdbcShipmentRepository queued = shipments;
                JdbcKeyedIssues queuedWithKeys = keyedIssues) {
            // closing commits what is queued; resources close in reverse order, the change reports last
        } finally {
            dataSource.close();
            if (settings.isInMemoryH2()) {
                shutDownH2();
            }
        }
    }

    // An in-memory H2 database outlives its connections (DB_CLOSE_DELAY=-1) until it is shut down.
    private void shutDownH2() {
        try (Connection connection =
                DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException e) {
            LoggerFactory.getLogger(Persistence.class).warn("Could not shut the in-memory database down: {}",
                    DatabaseFailures.describe(e));
        }
    }

    // H2 keeps commits in memory for up to WRITE_DELAY (500 ms) and would lose them to kill -9; a CHECKPOINT writes
    // them to the file at once. (WRITE_DELAY=0 does that too, but also stops H2's background compaction, and its
    // file grew by gigabytes under load.) PostgreSQL's commit is durable by itself.
    private void flush() {
        if (!settings.isPostgres() && !settings.isInMemoryH2()) {
            DatabaseFailures.attempt("write the database file", () -> jdbi.withHandle(handle -> handle.execute("CHECKPOINT")));
        }
    }

    // PostgreSQL overlaps two commits well. H2 writes a new chunk of its file for every commit, so one writer,
    // whose batches grow while the previous commit runs, writes fewer and larger chunks.
    private static int writers(DatabaseSettings settings) {
        return settings.isPostgres() ? 2 : 1;
    }
}
