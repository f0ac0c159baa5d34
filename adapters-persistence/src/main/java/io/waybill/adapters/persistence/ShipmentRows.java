package io.waybill.adapters.persistence;

import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.TrackingCode;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.Weight;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** The {@code shipments} table: a shipment's row without its articles and events. */
final class ShipmentRows {

    private static final List<String> PARTY_PARTS = List.of("id", "name", "street", "zip", "city", "country", "phone");

    /** Every column a shipment is read from or registered with; the insert binds each under its own name. */
    private static final List<String> COLUMNS = Stream.concat(
                    Stream.of("tracking_number", "carrier", "status", "version", "created_at", "origin_country",
                            "destination_country", "weight_kg", "customer_id", "customer_name", "customer_slug",
                            "order_created_at", "order_created_offset", "order_created_nano", "public_tracking",
                            "estimated_delivery"),
                    Stream.of("sender", "receiver")
                            .flatMap(party -> PARTY_PARTS.stream().map(part -> party + "_" + part)))
            .toList();

    static final String SELECT = "SELECT id, " + String.join(", ", COLUMNS) + " FROM shipments";

    private static final String INSERT = "INSERT INTO shipments (" + String.join(", ", COLUMNS) + ") VALUES ("
            + COLUMNS.stream().map(column -> ":" + column).collect(Collectors.joining(", ")) + ")";

    static final RowMapper<Stored> MAPPER = ShipmentRows::map;

    private ShipmentRows() {}

    /** Inserts the shipment's row at version 0 and returns its id. */
    static long insert(Handle handle, Shipment shipment) {
        ShipmentDetails details = shipment.details();
        Optional<OffsetDateTime> ordered = details.orderedAt().map(OrderTime::value);
        Update insert = handle.createUpdate(INSERT)
                .bind("tracking_number", shipment.key().number().value())
                .bind("carrier", shipment.key().carrier().code())
                .bind("status", shipment.status().code())
                .bind("version", 0L)
                .bind("created_at", Times.utc(shipment.createdAt()))
                .bind("origin_country", details.origin().map(CountryCode::value).orElse(null))
                .bind("destination_country", details.destination().map(CountryCode::value).orElse(null))
                .bind("weight_kg", details.weight().map(Weight::kilograms).orElse(null))
                .bind("customer_name", details.customer().map(customer -> customer.name().value()).orElse(null))
                .bind("customer_slug", details.customer().map(customer -> customer.slug().value()).orElse(null))
                .bindByType("order_created_at", ordered.map(Times::instantColumn).orElse(null), OffsetDateTime.class)
                .bind("order_created_offset", ordered.map(Times::offsetColumn).orElse(null))
                .bind("order_created_nano", ordered.map(Times::nanoColumn).orElse(null))
                .bind("public_tracking", details.publicTracking())
                .bindByType("estimated_delivery", shipment.estimatedDelivery().orElse(null), LocalDate.class);
        Columns.bindUuid(insert, "customer_id", details.customer().map(customer -> customer.id().value()));
        Columns.bindParty(insert, "sender", details.sender());
        Columns.bindParty(insert, "receiver", details.receiver());
        return insert.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static Stored map(ResultSet row, StatementContext context) throws SQLException {
        ShipmentKey key = new ShipmentKey(
                new TrackingCode(row.getString("tracking_number")), new Carrier(row.getString("carrier")));
        ShipmentDetails details = new ShipmentDetails(
                Columns.country(row, "origin_country"),
                Columns.country(row, "destination_country"),
                Optional.ofNullable(row.getBigDecimal("weight_kg")).map(Weight::new),
                customer(row),
                Times.read(row, "order_created_at", "order_created_offset", "order_created_nano").map(OrderTime::new),
                Columns.party(row, "sender"),
                Columns.party(row, "receiver"),
                List.of(),
                row.getBoolean("public_tracking"));
        return new Stored(row.getLong("id"),
                new Shipment(key, details, List.of(), Times.instant(row, "created_at"), row.getLong("version")));
    }

    private static Optional<Customer> customer(ResultSet row) throws SQLException {
        UUID id = row.getObject("customer_id", UUID.class);
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new Customer(new CustomerId(id), new CustomerName(row.getString("customer_name")),
                new CustomerSlug(row.getString("customer_slug"))));
    }

    /** A shipment's row with its database id; {@code shipment} has no articles and no events yet. */
    record Stored(long id, Shipment shipment) {

        long version() {
            return shipment.version();
        }

        Shipment with(List<Article> articles, List<TrackingEvent> events) {
            ShipmentDetails details = shipment.details();
            return new Shipment(shipment.key(),
                    new ShipmentDetails(details.origin(), details.destination(), details.weight(), details.customer(),
                            details.orderedAt(), details.sender(), details.receiver(), articles,
                            details.publicTracking()),
                    events, shipment.createdAt(), shipment.version());
        }
    }
}
