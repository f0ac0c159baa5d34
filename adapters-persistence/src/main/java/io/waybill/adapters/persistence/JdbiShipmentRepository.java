package io.waybill.adapters.persistence;

import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.IssuedTrackingNumber;
import io.waybill.domain.Order;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Stores issued numbers through a {@link GroupCommit}. Thread-safe. */
final class JdbiShipmentRepository implements ShipmentRepository, AutoCloseable {

    /** The carrier code of shipments whose number Waybill issued itself. */
    static final String WAYBILL_CARRIER = "WAYBILL";

    static final String FIRST_STATUS = "created";

    private static final String INSERT = """
            INSERT INTO shipments (tracking_number, carrier, status, origin_country, destination_country, weight_kg,
                                   customer_id, customer_name, customer_slug, order_created_at, created_at)
            VALUES (:number, :carrier, :status, :origin, :destination, :weight,
                    :customerId, :customerName, :customerSlug, :orderCreatedAt, :createdAt)
            """;

    private static final int WRITERS = 2;
    private static final int MAX_BATCH = 512;

    private final GroupCommit<IssuedTrackingNumber> groupCommit;

    JdbiShipmentRepository(Jdbi jdbi, Duration commitTimeout) {
        this.groupCommit =
                new GroupCommit<>("shipments", WRITERS, MAX_BATCH, commitTimeout, batch -> insert(jdbi, batch));
    }

    @Override
    public void add(IssuedTrackingNumber issued) {
        groupCommit.commit(issued);
    }

    @Override
    public void close() {
        groupCommit.close();
    }

    private static void insert(Jdbi jdbi, List<IssuedTrackingNumber> batch) {
        jdbi.useTransaction(handle -> {
            PreparedBatch insert = handle.prepareBatch(INSERT);
            for (IssuedTrackingNumber issued : batch) {
                Order order = issued.order();
                insert.bind("number", issued.trackingNumber().value())
                        .bind("carrier", WAYBILL_CARRIER)
                        .bind("status", FIRST_STATUS)
                        .bind("origin", order.origin().value())
                        .bind("destination", order.destination().value())
                        .bind("weight", order.weight().kilograms())
                        .bind("customerId", order.customer().id().value())
                        .bind("customerName", order.customer().name().value())
                        .bind("customerSlug", order.customer().slug().value())
                        .bind("orderCreatedAt", order.createdAt().value())
                        .bind("createdAt", issued.issuedAt().atOffset(ZoneOffset.UTC))
                        .add();
            }
            insert.execute();
        });
    }
}
