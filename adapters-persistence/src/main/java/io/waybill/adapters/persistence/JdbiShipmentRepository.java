package io.waybill.adapters.persistence;

import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.IssuedTrackingNumber;
import io.waybill.domain.Order;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Stores issued numbers through a {@link GroupCommit}. Thread-safe. */
final class JdbiShipmentRepository implements ShipmentRepository, AutoCloseable {

    /** The carrier code of shipments whose number Waybill issued itself. */
    static final String WAYBILL_CARRIER = "WAYBILL";

    static final String FIRST_STATUS = "created";

    private static final String INSERT = """
            INSERT INTO shipments (tracking_number, carrier, status, origin_country, destination_country, weight_kg,
                                   customer_id, customer_name, customer_slug, order_created_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final int MAX_BATCH = 512;

    private final GroupCommit<IssuedTrackingNumber> groupCommit;

    JdbiShipmentRepository(Jdbi jdbi, int writers, Duration commitTimeout, Runnable afterCommit) {
        this.groupCommit = new GroupCommit<>("shipments", writers, MAX_BATCH, commitTimeout, batch -> {
            insert(jdbi, batch);
            afterCommit.run();
        });
    }

    @Override
    public void add(IssuedTrackingNumber issued) {
        groupCommit.commit(issued);
    }

    @Override
    public void close() {
        groupCommit.close();
    }

    // Plain JDBC inside Jdbi's transaction: this runs for every issued number, and Jdbi's named binding cost
    // more CPU per row than the database's own work (measured with JFR under bench/run.sh).
    private static void insert(Jdbi jdbi, List<IssuedTrackingNumber> batch) throws SQLException {
        jdbi.useTransaction(handle -> {
            try (PreparedStatement insert = handle.getConnection().prepareStatement(INSERT)) {
                for (IssuedTrackingNumber issued : batch) {
                    Order order = issued.order();
                    insert.setString(1, issued.trackingNumber().value());
                    insert.setString(2, WAYBILL_CARRIER);
                    insert.setString(3, FIRST_STATUS);
                    insert.setString(4, order.origin().value());
                    insert.setString(5, order.destination().value());
                    insert.setBigDecimal(6, order.weight().kilograms());
                    insert.setObject(7, order.customer().id().value());
                    insert.setString(8, order.customer().name().value());
                    insert.setString(9, order.customer().slug().value());
                    insert.setObject(10, order.createdAt().value());
                    insert.setObject(11, issued.issuedAt().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
