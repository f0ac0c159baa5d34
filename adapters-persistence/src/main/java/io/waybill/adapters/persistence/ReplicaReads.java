package io.waybill.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.ReportFigures;
import io.waybill.application.port.out.ShipmentChanges;
import io.waybill.application.port.out.ShipmentQueries;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentSummary;
import io.waybill.domain.report.ReportPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads that a streaming replica serves when it may, and the primary otherwise: lookups by number, lists, and
 * reports' figures. A read goes to the replica when {@link ReplicaMonitor} finds it up and within its maximum lag, and
 * it holds every change that the read depends on which this instance made or heard of ({@link RecentChanges}): for a
 * lookup, the changes to that number; for a list or a report, every change. So a client reads its own write, on the
 * instance that made it and, once the change's announcement arrives, on every other.
 *
 * <p>A lookup the replica answers with nothing is asked of the primary again: the number may have been registered on
 * another instance whose announcement has not arrived yet, and caching "not found" for it would hide it. A read that
 * fails on the replica is served by the primary, and reads bypass the replica until a check finds it well. Thread-safe.
 */
final class ReplicaReads implements ShipmentQueries, ShipmentChanges.Listener, WrittenShipments, AutoCloseable {

    // How often the replica is checked, at most: often enough that reads after a write wait for the primary no longer
    // than a few of these.
    private static final Duration CHECK_EVERY = Duration.ofMillis(100);

    private final Database primary;
    private final Database replica;
    private final HikariDataSource pool;
    private final ReplicaMonitor monitor;
    private final RecentChanges changes;
    private final Metrics.Counter toReplica;
    private final Metrics.Counter toPrimary;

    private ReplicaReads(Database primary, Database replica, HikariDataSource pool, ReplicaMonitor monitor,
            RecentChanges changes, Metrics metrics) {
        this.primary = primary;
        this.replica = replica;
        this.pool = pool;
        this.monitor = monitor;
        this.changes = changes;
        String description = "Reads that a replica may serve, by the database that served them";
        this.toReplica = metrics.counter("waybill.db.replica.reads", description, "database", "replica");
        this.toPrimary = metrics.counter("waybill.db.replica.reads", description, "database", "primary");
        metrics.gauge("waybill.db.replica.lag.seconds", "How far behind the primary the replica was at its last check",
                () -> monitor.lag().toNanos() / 1e9);
        metrics.gauge("waybill.db.replica.used", "1 while reads may go to the replica, 0 while they bypass it",
                () -> monitor.problem().isEmpty() ? 1 : 0);
    }

    /**
     * Opens the replica's pool (whether or not it answers yet) and starts checking it.
     *
     * @param primaryPool the primary, which serves what the replica may not, and whose WAL position the checks note
     */
    static ReplicaReads open(DatabaseSettings settings, DatabaseSettings.Replica replica, DataSource primaryPool,
            Jdbi primaryJdbi, Metrics metrics) {
        HikariConfig configuration = PoolConfiguration.replica(settings, replica);
        metrics.unwrap(MeterRegistry.class).ifPresent(configuration::setMetricRegistry);
        HikariDataSource pool = new HikariDataSource(configuration);
        Jdbi replicaJdbi = Jdbi.create(pool);
        Duration every = Collections.min(List.of(replica.maxLag().dividedBy(4), CHECK_EVERY));
        RecentChanges changes = new RecentChanges();
        ReplicaMonitor monitor =
                new ReplicaMonitor(primaryJdbi, replicaJdbi, replica.maxLag(), every, changes::forgetHeld);
        try {
            ReplicaReads reads = new ReplicaReads(new Database(primaryPool, primaryJdbi),
                    new Database(pool, replicaJdbi), pool, monitor, changes, metrics);
            monitor.start();
            return reads;
        } catch (RuntimeException e) {
            monitor.close();
            pool.close();
            throw e;
        }
    }

    @Override
    public List<Shipment> findByNumber(CarrierTrackingNumber number) {
        long held = monitor.readableHeldAt();
        if (held >= 0 && changes.heldAt(number, held)) {
            Optional<List<Shipment>> found = onReplica(() -> replica.reader().findByNumber(number));
            if (found.isPresent() && !found.get().isEmpty()) {
                return found.get();
            }
        }
        toPrimary.increment();
        return primary.reader().findByNumber(number);
    }

    @Override
    public List<ShipmentSummary> list(Filter filter, Optional<Cursor> after, int limit) {
        return everyChangeHeld()
                .flatMap(held -> onReplica(() -> replica.list(filter, after, limit)))
                .orElseGet(() -> {
                    toPrimary.increment();
                    return primary.list(filter, after, limit);
                });
    }

    /** Reports' figures, from the replica when it holds every change this instance knows of. */
    ReportFigures figures() {
        return (period, stalledBefore) -> countFigures(period, stalledBefore);
    }

    private ReportFigures.Figures countFigures(ReportPeriod period, Instant stalledBefore) {
        return everyChangeHeld()
                .flatMap(held -> onReplica(() -> replica.figures().count(period, stalledBefore)))
                .orElseGet(() -> {
                    toPrimary.increment();
                    return primary.figures().count(period, stalledBefore);
                });
    }

    private Optional<Long> everyChangeHeld() {
        long held = monitor.readableHeldAt();
        return held >= 0 && changes.allHeldAt(held) ? Optional.of(held) : Optional.empty();
    }

    private <T> Optional<T> onReplica(Supplier<T> read) {
        try {
            T result = read.get();
            toReplica.increment();
            return Optional.of(result);
        } catch (StorageUnavailableException e) {
            monitor.readFailed(e.getMessage());
            return Optional.empty();
        }
    }

    /** Changes another instance announced: reads of them wait for the replica to replay them. */
    @Override
    public void changed(Set<CarrierTrackingNumber> numbers) {
        changes.changed(numbers, monitor.now());
    }

    /** Changes this instance made: reads of them wait for the replica to replay them. */
    @Override
    public void written(Set<CarrierTrackingNumber> numbers) {
        changes.changed(numbers, monitor.now());
    }

    /** New shipments of issued numbers: lists wait for the replica to replay them. */
    @Override
    public void issued() {
        changes.anyChanged(monitor.now());
    }

    /** Announcements may have been lost: any shipment may have changed, and every read waits for the replica. */
    @Override
    public void mayHaveMissedChanges() {
        changes.changedAll(monitor.now());
    }

    /**
     * {@code database_replica}: up while reads go to it; degraded, with the reason, while they bypass it (the primary
     * serves them, so the instance is still ready).
     */
    ComponentProbe probe() {
        return new ComponentProbe() {
            @Override
            public String name() {
                return "database_replica";
            }

            @Override
            public State state() {
                return check().state();
            }

            @Override
            public Check check() {
                Optional<String> problem = monitor.problem();
                return new Check(problem.isEmpty() ? State.UP : State.DEGRADED, problem);
            }
        };
    }

    /** Stops the checks, waiting for one under way, then closes the replica's pool. */
    @Override
    public void close() {
        try {
            monitor.close();
        } finally {
            pool.close();
        }
    }

    /** The reads of one database, primary or replica. */
    private record Database(ShipmentReader reader, ShipmentLister lister, ReportFigures figures) {

        Database(DataSource pool, Jdbi jdbi) {
            this(new ShipmentReader(pool, Engine.POSTGRES), new ShipmentLister(jdbi, Engine.POSTGRES),
                    new JdbiReportFigures(jdbi, Engine.POSTGRES));
        }

        List<ShipmentSummary> list(Filter filter, Optional<Cursor> after, int limit) {
            return DatabaseFailures.attempt("list shipments", () -> lister.list(filter, after, limit));
        }
    }
}
