package io.waybill.adapters.persistence;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's statistics of the shipment tables up to date while this instance registers shipments in bulk.
 * Without statistics, or with those of a table a fraction of its size, the planner takes the tables for small, and
 * reads many shipments at once ({@link ShipmentReader}) by hashing whole tables instead of following their indexes:
 * reading 500 shipments took 150 ms instead of 10 ms on 500,000 imported ones. PostgreSQL's autovacuum analyzes
 * tables only a while after they changed, and not at all where it is turned off.
 *
 * <p>{@code ANALYZE} runs when the shipments registered in batches since the last one reach three times as many as
 * before it (at first {@value #FIRST}), so an import of n shipments runs about log4(n / {@value #FIRST}) of them, each
 * reading a sample of at most 30,000 rows of each table (PostgreSQL's default). Once a table has statistics, the
 * planner scales them to the table's current size, so they need not be renewed for every row. Thread-safe.
 */
final class TableStatistics {

    static final int FIRST = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(TableStatistics.class);

    private final Jdbi jdbi;
    private final boolean enabled;
    private long registered; // guarded by this
    private long next = FIRST; // guarded by this

    /** @param enabled false for a database that needs no help, such as SQLite, whose planner follows the indexes */
    TableStatistics(Jdbi jdbi, boolean enabled) {
        this.jdbi = jdbi;
        this.enabled = enabled;
    }

    /** Counts shipments registered in a batch, and analyzes the tables when they are many more than last time. */
    void registered(int shipments) {
        if (!enabled) {
            return;
        }
        synchronized (this) {
            registered += shipments;
            if (registered < next) {
                return;
            }
            next = 4 * registered;
        }
        analyze();
    }

    // Not under the lock: another batch may be registered meanwhile, and counted for the next time.
    private void analyze() {
        long started = System.nanoTime();
        try {
            jdbi.useHandle(handle -> handle.execute("ANALYZE shipments, shipment_articles, tracking_events"));
            LOG.debug("Analyzed the shipment tables in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (JdbiException e) {
            // Only the plans suffer: the shipments are stored.
            LOG.warn("Could not analyze the shipment tables; reads of many shipments may be slow until the database"
                    + " does: {}", DatabaseFailures.describe(e));
        }
    }
}
