package io.waybill.adapters.persistence;

import io.waybill.application.port.out.KeyedIssues;
import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.IdempotencyKey;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.TrackingNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores keyed numbers through a {@link GroupCommit} of their own, so that requests without a key keep the path and
 * the batches of {@link JdbcShipmentRepository}; each batch stores its shipments and their keys in one transaction.
 * Reads with plain JDBC on {@code dataSource}, the pool behind {@code jdbi}. Thread-safe.
 */
final class JdbcKeyedIssues implements KeyedIssues, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcKeyedIssues.class);
    private static final int MAX_BATCH = 512;
    // Expired keys are never answered, so deleting them is only housekeeping: by index, now and then.
    private static final Duration CLEAN_UP_EVERY = Duration.ofMinutes(10);

    private static final String FIND =
            "SELECT request_hash, tracking_number, issued_at FROM idempotency_keys WHERE idempotency_key = ?";
    private static final String CLEAN_UP = "DELETE FROM idempotency_keys WHERE issued_at < ?";

    private final Jdbi jdbi;
    private final DataSource dataSource;
    private final Engine engine;
    private final GroupCommit<KeyedRow> groupCommit;
    private final AtomicReference<Instant> cleanedUpTo = new AtomicReference<>(Instant.MIN);

    /** @param written told of every batch of issued numbers stored, once its commit has ended */
    JdbcKeyedIssues(Jdbi jdbi, DataSource dataSource, Engine engine, int writers, Duration commitTimeout,
            Metrics metrics, WrittenShipments written) {
        this.jdbi = jdbi;
        this.engine = engine;
        this.dataSource = dataSource;
        this.groupCommit = new GroupCommit<>("keyed-shipments", writers, MAX_BATCH, commitTimeout, batch -> {
            try {
                jdbi.useTransaction(handle -> KeyedRows.insert(engine, handle.getConnection(), batch));
            } finally {
                written.issued();
            }
        }, metrics);
    }

    @Override
    public Optional<Recorded> find(IdempotencyKey key) {
        return DatabaseFailures.attempt("read an idempotency key", () -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement find = connection.prepareStatement(FIND)) {
                find.setString(1, key.value());
                try (ResultSet row = find.executeQuery()) {
                    return row.next()
                            ? Optional.of(new Recorded(row.getString(1).strip(), new TrackingNumber(row.getString(2)),
                                    engine.readTime(row, 3).toInstant()))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void add(IdempotencyKey key, String requestHash, IssuedTrackingNumber issued, Instant expiredBefore) {
        try {
            groupCommit.commit(new KeyedRow(key, requestHash, IssuedRow.of(issued), expiredBefore));
        } catch (StorageUnavailableException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new KeyTakenException(e);
            }
            throw e;
        }
        cleanUpIfDue(expiredBefore);
    }

    private void cleanUpIfDue(Instant expiredBefore) {
        Instant last = cleanedUpTo.get();
        if (!expiredBefore.isAfter(last.plus(CLEAN_UP_EVERY)) || !cleanedUpTo.compareAndSet(last, expiredBefore)) {
            return;
        }
        try {
            int deleted = jdbi.withHandle(handle ->
                    handle.createUpdate(CLEAN_UP).bind(0, engine.time(Times.utc(expiredBefore))).execute());
            LOG.debug("Deleted {} idempotency keys issued before {}", deleted, expiredBefore);
        } catch (RuntimeException e) {
            // The number is stored and answered; the old keys go next time.
            LOG.warn("Could not delete expired idempotency keys: {}", e.toString());
        }
    }

    @Override
    public void close() {
        groupCommit.close();
    }
}
