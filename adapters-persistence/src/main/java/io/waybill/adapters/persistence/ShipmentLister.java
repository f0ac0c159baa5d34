package io.waybill.adapters.persistence;

import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.domain.Address;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CustomerId;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.ShipmentSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Lists shipment summaries from the {@code shipments} table alone, a page at a time, by keyset: a page starts
 * strictly after the cursor's position in the listing order, so rows inserted meanwhile neither repeat nor shift
 * rows. Failures of the database pass as {@link org.jdbi.v3.core.JdbiException}s. Thread-safe.
 */
final class ShipmentLister {

    private static final String SELECT = """
            SELECT tracking_number, carrier, status, origin_country, destination_country, customer_id, created_at,
                   estimated_delivery, receiver_zip, receiver_city, receiver_country
            FROM shipments
            """;

    // The same order as the listing indexes in the V2 migration, so that a page is a range scan of one of them.
    private static final String ORDER = " ORDER BY created_at DESC, tracking_number DESC, carrier DESC LIMIT :limit";

    private final Jdbi jdbi;
    private final Engine engine;
    private final RowMapper<ShipmentSummary> mapper;

    ShipmentLister(Jdbi jdbi, Engine engine) {
        this.jdbi = jdbi;
        this.engine = engine;
        this.mapper = (row, context) -> map(row, engine);
    }

    List<ShipmentSummary> list(Filter filter, Optional<Cursor> after, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a limit cannot be negative; got " + limit);
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        filter.status().ifPresent(status -> condition(conditions, values, "status = :status", "status", status.code()));
        filter.carrier().ifPresent(
                carrier -> condition(conditions, values, "carrier = :carrier", "carrier", carrier.code()));
        filter.customer().ifPresent(customer ->
                condition(conditions, values, "customer_id = :customer", "customer", customer.value()));
        filter.origin().ifPresent(origin ->
                condition(conditions, values, "origin_country = :origin", "origin", origin.value()));
        filter.destination().ifPresent(destination -> condition(
                conditions, values, "destination_country = :destination", "destination", destination.value()));
        filter.createdFrom().ifPresent(from ->
                condition(conditions, values, "created_at >= :created_from", "created_from", engine.time(Times.utc(from))));
        filter.createdBefore().ifPresent(before ->
                condition(conditions, values, "created_at < :created_before", "created_before", engine.time(Times.utc(before))));
        after.ifPresent(cursor -> {
            conditions.add("(created_at, tracking_number, carrier) < (:after_created, :after_number, :after_carrier)");
            values.put("after_created", engine.time(Times.utc(cursor.createdAt())));
            values.put("after_number", cursor.key().number().value());
            values.put("after_carrier", cursor.key().carrier().code());
        });
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + where + ORDER)
                .bindMap(values)
                .bind("limit", limit)
                .map(mapper)
                .list());
    }

    private static void condition(List<String> conditions, Map<String, Object> values, String condition, String name,
            Object value) {
        conditions.add(condition);
        values.put(name, value);
    }

    // In the order of SELECT.
    private static ShipmentSummary map(ResultSet row, Engine engine) throws SQLException {
        ColumnReader in = new ColumnReader(row, 1, engine);
        return new ShipmentSummary(
                new ShipmentKey(new CarrierTrackingNumber(in.text()), new Carrier(in.text())),
                ShipmentStatus.parse(in.text()),
                in.country(),
                in.country(),
                in.uuid().map(CustomerId::new),
                in.instant(),
                in.date(),
                new Address(Optional.empty(), in.optionalText(), in.optionalText(), in.country()));
    }
}
