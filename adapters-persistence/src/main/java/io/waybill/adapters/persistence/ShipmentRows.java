package io.waybill.adapters.persistence;

import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CountryCode;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.Weight;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The {@code shipments} table: a shipment's row without its articles and events. */
final class ShipmentRows {

    private static final List<String> PARTY_PARTS = List.of("id", "name", "street", "zip", "city", "country", "phone");

    /** Every column a shipment is registered with, in the order {@link #insertAll} writes them. */
    private static final List<String> COLUMNS = Stream.concat(
                    Stream.of("tracking_number", "carrier", "status", "version", "created_at", "origin_country",
                            "destination_country", "weight_kg", "customer_id", "customer_name", "customer_slug",
                            "order_created_at", "order_created_offset", "order_created_nano", "public_tracking",
                            "estimated_delivery"),
                    Stream.of("sender", "receiver")
                            .flatMap(party -> PARTY_PARTS.stream().map(part -> party + "_" + part)))
            .toList();


    private ShipmentRows() {}

    /**
     * Inserts the shipments' rows at version 0 in one go ({@link BulkInsert}). Their ids are read afterwards with
     * {@link #ids}: asking for them with a batch would make PostgreSQL's driver send an insert per row.
     */
    static void insertAll(Engine engine, Connection connection, List<Shipment> shipments) throws SQLException {
        BulkInsert.insert(engine, connection, "shipments", COLUMNS, out -> {
            for (Shipment shipment : shipments) {
                ShipmentDetails details = shipment.details();
                out.text(shipment.key().number().value())
                        .text(shipment.key().carrier().code())
                        .text(shipment.status().code())
                        .longInteger(0)
                        .timestamp(Times.utc(shipment.createdAt()))
                        .text(details.origin().map(CountryCode::value))
                        .text(details.destination().map(CountryCode::value))
                        .decimal(details.weight().map(Weight::kilograms))
                        .uuid(details.customer().map(customer -> customer.id().value()))
                        .text(details.customer().map(customer -> customer.name().value()))
                        .text(details.customer().map(customer -> customer.slug().value()))
                        .time(details.orderedAt().map(OrderTime::value))
                        .bool(details.publicTracking())
                        .date(shipment.estimatedDelivery())
                        .party(details.sender())
                        .party(details.receiver())
                        .endRow();
            }
        });
    }

    /** The ids of the shipments stored with these keys; a key with none is absent. */
    static Map<ShipmentKey, Long> ids(Engine engine, Connection connection, Collection<ShipmentKey> keys) throws SQLException {
        Map<ShipmentKey, Long> ids = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, tracking_number, carrier FROM shipments WHERE " + engine.anyOf("tracking_number"))) {
            engine.setList(select, 1, keys.stream().map(key -> key.number().value()));
            Set<ShipmentKey> wanted = keys instanceof Set<ShipmentKey> set ? set : new HashSet<>(keys);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ShipmentKey key =
                            new ShipmentKey(new CarrierTrackingNumber(rows.getString(2)), new Carrier(rows.getString(3)));
                    // Other carriers' shipments under a number asked for are not asked for.
                    if (wanted.contains(key)) {
                        ids.put(key, rows.getLong(1));
                    }
                }
            }
        }
        return ids;
    }
}
