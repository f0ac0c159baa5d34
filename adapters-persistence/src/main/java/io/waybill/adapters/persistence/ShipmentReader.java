package io.waybill.adapters.persistence;

import io.waybill.adapters.persistence.Columns.Selected;
import io.waybill.domain.Article;
import io.waybill.domain.Carrier;
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
import io.waybill.domain.TrackingCode;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.Weight;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Reads whole shipments in one statement, one round trip, whatever their number: a {@code UNION ALL} of the
 * shipments' rows, their articles and their events, sorted so that each shipment's row comes before its articles and
 * events. Plain JDBC straight from the pool rather than through Jdbi, whose handle and statement cost a third of the
 * throughput (32 threads on 2 cores shared with PostgreSQL: roughly 14,000 lookups/s against 9,000). Thread-safe.
 *
 * <p>One statement sees one snapshot, on PostgreSQL and on H2 alike (read committed: each statement sees what was
 * committed when it started), so a shipment's row, articles and events are always of one version. The events'
 * {@code shipment_version}, which let readers of three statements leave out the events committed between them, need
 * not be compared.
 */
final class ShipmentReader {

    // What a row of the statement is: its first column. Every row also names its shipment's carrier, which orders the
    // shipments; a row's other columns are those of its own table, and NULL in place of the other tables' columns.
    private static final int SHIPMENT = 0;
    private static final int ARTICLE = 1;
    private static final int EVENT = 2;
    private static final int BRANCHES = 3;
    private static final int CARRIER_COLUMN = 2;

    private static final String TIME = "TIMESTAMP WITH TIME ZONE";

    // Each table's columns, in the order the mappers below read them.
    private static final List<Selected> SHIPMENT_COLUMNS = Stream.of(
                    Stream.of(new Selected("s.tracking_number", Columns.TEXT), new Selected("s.version", "BIGINT"),
                            new Selected("s.created_at", TIME), new Selected("s.origin_country", Columns.COUNTRY),
                            new Selected("s.destination_country", Columns.COUNTRY),
                            new Selected("s.weight_kg", "NUMERIC"), new Selected("s.customer_id", "UUID"),
                            new Selected("s.customer_name", Columns.TEXT),
                            new Selected("s.customer_slug", Columns.TEXT), new Selected("s.order_created_at", TIME),
                            new Selected("s.order_created_offset", "INT"),
                            new Selected("s.order_created_nano", "INT")),
                    Columns.party("s.sender").stream(),
                    Columns.party("s.receiver").stream(),
                    Stream.of(new Selected("s.public_tracking", "BOOLEAN")))
            .flatMap(columns -> columns)
            .toList();
    // The position only orders the rows.
    private static final List<Selected> ARTICLE_COLUMNS = List.of(new Selected("a.name", Columns.TEXT),
            new Selected("a.quantity", "INT"), new Selected("a.price", "NUMERIC"), new Selected("a.sku", Columns.TEXT),
            new Selected("a.position", "INT"));
    // The row's id only orders the rows: events at the same instant in the order they were recorded.
    private static final List<Selected> EVENT_COLUMNS = Stream.of(
                    Stream.of(new Selected("e.event_id", Columns.TEXT), new Selected("e.event_time", TIME),
                            new Selected("e.event_offset", "INT"), new Selected("e.event_nano", "INT"),
                            new Selected("e.status", Columns.TEXT), new Selected("e.carrier_status", Columns.TEXT),
                            new Selected("e.location_kind", Columns.TEXT), new Selected("e.centre_id", Columns.TEXT),
                            new Selected("e.location_title", Columns.TEXT)),
                    Columns.address("e.location").stream(),
                    Stream.of(new Selected("e.description", Columns.TEXT), new Selected("e.id", "BIGINT")))
            .flatMap(columns -> columns)
            .toList();

    // The shipment's columns follow the carrier.
    private static final int ARTICLE_FIRST = CARRIER_COLUMN + 1 + SHIPMENT_COLUMNS.size();
    private static final int EVENT_FIRST = ARTICLE_FIRST + ARTICLE_COLUMNS.size();

    // One number's shipments are told apart by their carriers; many numbers' by their ids, every row's last column.
    private static final String IN_CARRIER_ORDER = "carrier";
    private static final String IN_ID_ORDER = "shipment";

    private static final String BY_NUMBER = statement("s.tracking_number = ?", IN_CARRIER_ORDER);
    private static final String BY_KEY = statement("s.tracking_number = ? AND s.carrier = ?", IN_CARRIER_ORDER);
    // Every shipment of the numbers asked for; the reader keeps the keys asked for. A condition on the carrier too
    // would make PostgreSQL (15) look up every pair of number and carrier in the index; the few other carriers'
    // shipments under a number asked for cost less.
    private static final String BY_NUMBERS = statement("s.tracking_number = ANY(?)", IN_ID_ORDER);

    private final DataSource dataSource;

    ShipmentReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** In carrier order. */
    List<Shipment> findByNumber(TrackingCode number) throws SQLException {
        return read(BY_NUMBER, number.value());
    }

    Optional<Shipment> find(ShipmentKey key) throws SQLException {
        return read(BY_KEY, key.number().value(), key.carrier().code()).stream().findFirst();
    }

    /** The shipments with these keys, in one statement; a key with none is absent. */
    Map<ShipmentKey, Shipment> findAll(Collection<ShipmentKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Set<ShipmentKey> wanted = keys instanceof Set<ShipmentKey> set ? set : new HashSet<>(keys);
        Map<ShipmentKey, Shipment> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(BY_NUMBERS)) {
            Array numbers = Jdbc.textArray(connection, wanted.stream().map(key -> key.number().value()));
            for (int branch = 0; branch < BRANCHES; branch++) {
                query.setArray(branch + 1, numbers);
            }
            try (ResultSet rows = query.executeQuery()) {
                for (Shipment shipment : shipments(rows)) {
                    if (wanted.contains(shipment.key())) {
                        found.put(shipment.key(), shipment);
                    }
                }
            }
        }
        return found;
    }

    /**
     * The statement for the shipments {@code s} that meet {@code condition}, which each of its branches repeats with
     * its parameters, in {@code shipmentOrder}. Its text never changes, so that the driver and the database keep it
     * prepared. The union is a derived table since H2 (2.5) keeps a parsed statement for the next prepare only if it
     * is a SELECT, never a bare UNION, and parsing this one every time cost more than running it; PostgreSQL plans the
     * two forms alike.
     */
    private static String statement(String condition, String shipmentOrder) {
        return "SELECT * FROM (\n" + String.join("\nUNION ALL\n",
                        branch(SHIPMENT, "FROM shipments s", condition),
                        branch(ARTICLE, "FROM shipment_articles a JOIN shipments s ON s.id = a.shipment_id", condition),
                        branch(EVENT, "FROM tracking_events e JOIN shipments s ON s.id = e.shipment_id", condition))
                + "\n) AS lookup\nORDER BY " + shipmentOrder + ", kind, position, event_time, event_nano, id";
    }

    // Every NULL is typed: PostgreSQL types a union's columns pairwise, branch after branch, and makes two NULLs
    // text, which then matches no number or time of the third branch. The first branch names the columns.
    private static String branch(int kind, String from, String condition) {
        List<String> columns = new ArrayList<>();
        columns.add(kind + " AS kind");
        columns.add("s.carrier");
        columns.addAll(group(SHIPMENT_COLUMNS, kind == SHIPMENT));
        columns.addAll(group(ARTICLE_COLUMNS, kind == ARTICLE));
        columns.addAll(group(EVENT_COLUMNS, kind == EVENT));
        columns.add("s.id AS shipment");
        return "SELECT " + String.join(", ", columns) + "\n" + from + "\nWHERE " + condition;
    }

    private static List<String> group(List<Selected> columns, boolean selected) {
        return columns.stream().map(selected ? Selected::expression : Selected::typedNull).toList();
    }

    private List<Shipment> read(String statement, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(statement)) {
            for (int branch = 0; branch < BRANCHES; branch++) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setString(branch * parameters.length + i + 1, parameters[i]);
                }
            }
            try (ResultSet rows = query.executeQuery()) {
                return shipments(rows);
            }
        }
    }

    // In one pass: each shipment's row comes before its articles and events.
    private static List<Shipment> shipments(ResultSet rows) throws SQLException {
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
                row = shipment(new ColumnReader(rows, CARRIER_COLUMN));
            } else if (kind == ARTICLE) {
                articles.add(article(new ColumnReader(rows, ARTICLE_FIRST)));
            } else {
                events.add(event(new ColumnReader(rows, EVENT_FIRST)));
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
        ShipmentKey key = new ShipmentKey(new TrackingCode(in.text()), carrier);
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
