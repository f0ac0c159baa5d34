package io.waybill.adapters.persistence;

import io.waybill.domain.CarrierTrackingNumber;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other processes' changes to shipments on a SQLite file, read from {@code shipment_changes} every
 * {@code every} on a daemon thread started by the first {@link #subscribe}: the rows after the last one read, whose
 * notices ({@link ChangeNotices}) name another origin than this instance's. Reports start, and start again after a
 * failure or a gap (rows deleted before this instance read them), with {@link Listener#mayHaveMissedChanges}. One
 * warning is logged for each time the reads fail. Thread-safe.
 */
final class SqliteShipmentChanges extends ShipmentChangesThread {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteShipmentChanges.class);

    // The last id given out, whether or not its row is still there (AUTOINCREMENT keeps it in sqlite_sequence).
    private static final String LAST_ID =
            "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'shipment_changes'), 0)";

    private final Jdbi jdbi;
    private final String origin;
    private final Duration every;

    SqliteShipmentChanges(Jdbi jdbi, String origin, Duration every) {
        this.jdbi = jdbi;
        this.origin = origin;
        this.every = every;
    }

    private record Row(long id, String notice) {}

    @Override
    void run() {
        long last = -1; // none read yet: start after the newest row
        boolean failing = false;
        while (!closed()) {
            try {
                if (last < 0) {
                    last = jdbi.withHandle(handle -> handle.createQuery(
                            LAST_ID).mapTo(Long.class).one());
                    deliverMissed();
                }
                last = read(last);
                if (failing) {
                    LOG.info("Changes made through other processes are reported to this one again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!closed() && !failing) {
                    LOG.warn("Changes made through other processes are not reported to this one ({}); trying again"
                            + " every {} ms, and until then this instance's caches may serve what they changed",
                            DatabaseFailures.describe(e), every.toMillis());
                    failing = true;
                }
                last = -1;
            }
            if (!closed()) {
                LockSupport.parkNanos(every.toNanos());
            }
        }
    }

    // The rows after `last`; returns the last id read.
    private long read(long last) {
        List<Row> rows = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, notice FROM shipment_changes WHERE id > :last ORDER BY id")
                .bind("last", last)
                .map((row, context) -> new Row(row.getLong(1), row.getString(2)))
                .list());
        if (rows.isEmpty()) {
            return last;
        }
        if (rows.get(0).id() > last + 1) {
            // Ids only grow by one (AUTOINCREMENT, one writer at a time): the rows between were deleted unread.
            deliverMissed();
        }
        Set<CarrierTrackingNumber> numbers = new LinkedHashSet<>();
        for (Row row : rows) {
            ChangeNotices.parse(row.notice())
                    .filter(notice -> !notice.origin().equals(origin))
                    .ifPresent(notice -> numbers.addAll(notice.numbers()));
        }
        if (!numbers.isEmpty()) {
            deliverChanged(numbers);
        }
        return rows.get(rows.size() - 1).id();
    }
}
