package io.waybill.adapters.persistence;

import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads whole shipments in one statement, one round trip, whatever their number: a {@code UNION ALL} of the
 * shipments' rows, their articles and their events, sorted so that each shipment's row comes before its articles and
 * events ({@link ShipmentLookupSql}), read back in one pass ({@link ShipmentLookupRows}). Plain JDBC straight from the
 * pool rather than through Jdbi, whose handle and statement cost a third of the throughput (32 threads on 2 cores
 * shared with PostgreSQL: roughly 14,000 lookups/s against 9,000). Thread-safe.
 *
 * <p>One statement sees one snapshot, on PostgreSQL (read committed: each statement sees what was committed when it
 * started) and on SQLite (a read sees the database as of its first step), so a shipment's row, articles and events are always of one version. The events'
 * {@code shipment_version}, which let readers of three statements leave out the events committed between them, need
 * not be compared. Failures become the port's {@link io.waybill.application.port.out.StorageUnavailableException}.
 */
final class ShipmentReader {

    private final DataSource dataSource;
    private final Engine engine;

    ShipmentReader(DataSource dataSource, Engine engine) {
        this.dataSource = dataSource;
        this.engine = engine;
    }

    /** In carrier order. */
    List<Shipment> findByNumber(CarrierTrackingNumber number) {
        return DatabaseFailures.attempt("read the shipments numbered " + number,
                () -> read(ShipmentLookupSql.BY_NUMBER, number.value()));
    }

    Optional<Shipment> find(ShipmentKey key) {
        return DatabaseFailures.attempt("read shipment " + key, () -> read(ShipmentLookupSql.BY_KEY,
                key.number().value(), key.carrier().code()).stream().findFirst());
    }

    /** The shipments with these keys, in one statement; a key with none is absent. */
    Map<ShipmentKey, Shipment> findAll(Collection<ShipmentKey> keys) {
        return DatabaseFailures.attempt("read " + keys.size() + " shipments", () -> readAll(keys));
    }

    private Map<ShipmentKey, Shipment> readAll(Collection<ShipmentKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Set<ShipmentKey> wanted = keys instanceof Set<ShipmentKey> set ? set : new HashSet<>(keys);
        Map<ShipmentKey, Shipment> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(ShipmentLookupSql.byNumbers(engine))) {
            for (int branch = 0; branch < ShipmentLookupSql.BRANCHES; branch++) {
                engine.setList(query, branch + 1, wanted.stream().map(key -> key.number().value()));
            }
            try (ResultSet rows = query.executeQuery()) {
                for (Shipment shipment : ShipmentLookupRows.shipments(engine, rows)) {
                    if (wanted.contains(shipment.key())) {
                        found.put(shipment.key(), shipment);
                    }
                }
            }
        }
        return found;
    }

    private List<Shipment> read(String statement, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(statement)) {
            for (int branch = 0; branch < ShipmentLookupSql.BRANCHES; branch++) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setString(branch * parameters.length + i + 1, parameters[i]);
                }
            }
            try (ResultSet rows = query.executeQuery()) {
                return ShipmentLookupRows.shipments(engine, rows);
            }
        }
    }
}
