package io.waybill.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** The {@code idempotency_keys} table: the key of an issued number, with the hash of the request that issued it. */
final class KeyedRows {

    private static final String FORGET_EXPIRED =
            "DELETE FROM idempotency_keys WHERE idempotency_key = ? AND issued_at < ?";
    private static final String INSERT_KEY =
            "INSERT INTO idempotency_keys (idempotency_key, request_hash, tracking_number, issued_at) VALUES (?, ?, ?, ?)";

    private KeyedRows() {}

    /**
     * Stores the keys and their shipments, the key first: of concurrent requests with one key, the later one fails
     * there, before it wrote its shipment. Keys of the batch that expired are forgotten first, so they can be reused.
     */
    static void insert(Engine engine, Connection connection, List<KeyedRow> batch) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement(FORGET_EXPIRED)) {
            for (KeyedRow row : batch) {
                forget.setString(1, row.key().value());
                engine.setTime(forget, 2, Times.utc(row.expiredBefore()));
                forget.addBatch();
            }
            forget.executeBatch();
        }
        try (PreparedStatement keys = connection.prepareStatement(INSERT_KEY)) {
            for (KeyedRow row : batch) {
                keys.setString(1, row.key().value());
                keys.setString(2, row.requestHash());
                keys.setString(3, row.shipment().issued().trackingNumber().value());
                engine.setTime(keys, 4, Times.utc(row.shipment().issued().issuedAt()));
                keys.addBatch();
            }
            keys.executeBatch();
        }
        try (PreparedStatement shipments = connection.prepareStatement(IssuedRows.INSERT)) {
            for (KeyedRow row : batch) {
                IssuedRows.addBatch(engine, shipments, row.shipment());
            }
            shipments.executeBatch();
        }
    }
}
