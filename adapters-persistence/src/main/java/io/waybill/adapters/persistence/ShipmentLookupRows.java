package io.waybill.adapters.persistence;

import static io.waybill.adapters.persistence.ShipmentLookupSql.ARTICLE;
import static io.waybill.adapters.persistence.ShipmentLookupSql.ARTICLE_FIRST;
import static io.waybill.adapters.persistence.ShipmentLookupSql.CARRIER_COLUMN;
import static io.waybill.adapters.persistence.ShipmentLookupSql.EVENT_FIRST;
import static io.waybill.adapters.persistence.ShipmentLookupSql.SHIPMENT;

import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Customer;
import io.waybill.domain.CustomerId;
import io.waybill.domain.CustomerName;
import io.waybill.domain.CustomerSlug;
import io.waybill.domain.EventId;
import io.waybill.domain.OrderTime;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.Weight;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rows of {@link ShipmentLookupSql}'s statement turned back into whole shipments, in one pass. */
final class ShipmentLookupRows {

    private ShipmentLookupRows() {}

    // In one pass: each shipment's row comes before its articles and events.
    static List<Shipment> shipments(Engine engine, ResultSet rows) throws SQLException {
        List<Shipment> shipments = new ArrayList<>(1);
        Shipment row = null;
        List<Article> articles = new ArrayList<>();
        List<TrackingEvent> events = new ArrayList<>();
        while (rows.next()) {
            int kind = rows.getInt(1);
            if (kind == SHIPMENT) {
                if (row != null) {
                    shipments.add(whole(row, articles, events));
                    articles = new ArrayList<>();
                    events = new ArrayList<>();
                }
                row = shipment(new ColumnReader(rows, CARRIER_COLUMN, engine));
            } else if (kind == ARTICLE) {
                articles.add(article(new ColumnReader(rows, ARTICLE_FIRST, engine)));
            } else {
                events.add(event(new ColumnReader(rows, EVENT_FIRST, engine)));
            }
        }
        if (row != null) {
            shipments.add(whole(row, articles, events));
        }
        return shipments;
    }

    /** The carrier, then the shipment's own columns; without articles and events. */
    private static Shipment shipment(ColumnReader in) throws SQLException {
        Carrier carrier = new Carrier(in.text());
        ShipmentKey key = new ShipmentKey(new CarrierTrackingNumber(in.text()), carrier);
        long version = in.longInteger();
        Instant createdAt = in.instant();
        ShipmentDetails details = new ShipmentDetails(in.country(), in.country(), in.decimal().map(Weight::new),
                customer(in), in.time().map(OrderTime::new), in.party(), in.party(), List.of(), in.bool());
        return new Shipment(key, details, List.of(), createdAt, version);
    }

    private static Optional<Customer> customer(ColumnReader in) throws SQLException {
        Optional<UUID> id = in.uuid();
        String name = in.text();
        String slug = in.text();
        return id.map(value -> new Customer(new CustomerId(value), new CustomerName(name), new CustomerSlug(slug)));
    }

    private static Article article(ColumnReader in) throws SQLException {
        return new Article(in.text(), in.integer(), in.decimal(), in.optionalText());
    }

    private static TrackingEvent event(ColumnReader in) throws SQLException {
        return new TrackingEvent(new EventId(in.text()), in.time().orElseThrow(), ShipmentStatus.parse(in.text()),
                in.text(), EventRows.location(in.text(), in.text(), in.text(), in.address()), in.optionalText());
    }

    private static Shipment whole(Shipment row, List<Article> articles, List<TrackingEvent> events) {
        ShipmentDetails details = row.details();
        return new Shipment(row.key(),
                new ShipmentDetails(details.origin(), details.destination(), details.weight(), details.customer(),
                        details.orderedAt(), details.sender(), details.receiver(), articles, details.publicTracking()),
                events, row.createdAt(), row.version());
    }
}
