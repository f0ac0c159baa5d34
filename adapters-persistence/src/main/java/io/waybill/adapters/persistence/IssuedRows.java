package io.waybill.adapters.persistence;

import io.waybill.domain.Carrier;
import io.waybill.domain.Order;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

/**
 * The shipments row of an issued number, bound with plain JDBC: this runs for every issued number, and Jdbi's named
 * binding cost more CPU per row than the database's own work (measured with JFR under bench/run.sh).
 */
final class IssuedRows {

    static final String INSERT = """
            INSERT INTO shipments (tracking_number, carrier, status, origin_country, destination_country, weight_kg,
                                   customer_id, customer_name, customer_slug, order_created_at,
                                   order_created_offset, order_created_nano, created_at, estimated_delivery)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private IssuedRows() {}

    /** Adds {@code row} to the batch of {@code insert}, a statement of {@link #INSERT}. */
    static void addBatch(Engine engine, PreparedStatement insert, IssuedRow row) throws SQLException {
        IssuedTrackingNumber issued = row.issued();
        Order order = issued.order();
        OffsetDateTime ordered = order.createdAt().value();
        insert.setString(1, issued.trackingNumber().value());
        insert.setString(2, Carrier.WAYBILL.code());
        insert.setString(3, ShipmentStatus.CREATED.code());
        insert.setString(4, order.origin().value());
        insert.setString(5, order.destination().value());
        insert.setBigDecimal(6, order.weight().kilograms());
        engine.setUuid(insert, 7, order.customer().id().value());
        insert.setString(8, order.customer().name().value());
        insert.setString(9, order.customer().slug().value());
        engine.setTime(insert, 10, Times.instantColumn(ordered));
        insert.setInt(11, Times.offsetColumn(ordered));
        insert.setInt(12, Times.nanoColumn(ordered));
        engine.setTime(insert, 13, Times.utc(issued.issuedAt()));
        engine.setDate(insert, 14, row.estimatedDelivery().orElse(null));
        insert.addBatch();
    }
}
