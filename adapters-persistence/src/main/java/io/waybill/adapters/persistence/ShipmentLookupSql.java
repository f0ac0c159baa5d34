package io.waybill.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The statement that {@link ShipmentReader} reads whole shipments with: a {@code UNION ALL} of the shipments' rows,
 * their articles and their events, sorted so that each shipment's row comes before its articles and events, and the
 * positions of each table's columns in its rows, which {@link ShipmentLookupRows} reads.
 */
final class ShipmentLookupSql {

    // What a row of the statement is: its first column. Every row also names its shipment's carrier, which orders the
    // shipments; a row's other columns are those of its own table, and NULL in place of the other tables' columns.
    static final int SHIPMENT = 0;
    static final int ARTICLE = 1;
    static final int EVENT = 2;
    static final int BRANCHES = 3;
    static final int CARRIER_COLUMN = 2;

    private static final String TIME = "TIMESTAMP WITH TIME ZONE";

    // Each table's columns, in the order ShipmentLookupRows reads them.
    private static final List<SelectedColumn> SHIPMENT_COLUMNS = Stream.of(
                    Stream.of(
                            new SelectedColumn("s.tracking_number", Columns.TEXT),
                            new SelectedColumn("s.version", "BIGINT"),
                            new SelectedColumn("s.created_at", TIME),
                            new SelectedColumn("s.origin_country", Columns.COUNTRY),
                            new SelectedColumn("s.destination_country", Columns.COUNTRY),
                            new SelectedColumn("s.weight_kg", "NUMERIC"),
                            new SelectedColumn("s.customer_id", "UUID"),
                            new SelectedColumn("s.customer_name", Columns.TEXT),
                            new SelectedColumn("s.customer_slug", Columns.TEXT),
                            new SelectedColumn("s.order_created_at", TIME),
                            new SelectedColumn("s.order_created_offset", "INT"),
                            new SelectedColumn("s.order_created_nano", "INT")),
                    Columns.party("s.sender").stream(),
                    Columns.party("s.receiver").stream(),
                    Stream.of(new SelectedColumn("s.public_tracking", "BOOLEAN")))
            .flatMap(columns -> columns)
            .toList();
    // The position only orders the rows.
    private static final List<SelectedColumn> ARTICLE_COLUMNS = List.of(
            new SelectedColumn("a.name", Columns.TEXT),
            new SelectedColumn("a.quantity", "INT"),
            new SelectedColumn("a.price", "NUMERIC"),
            new SelectedColumn("a.sku", Columns.TEXT),
            new SelectedColumn("a.position", "INT"));
    // The row's id only orders the rows: events at the same instant in the order they were recorded.
    private static final List<SelectedColumn> EVENT_COLUMNS = Stream.of(
                    Stream.of(
                            new SelectedColumn("e.event_id", Columns.TEXT),
                            new SelectedColumn("e.event_time", TIME),
                            new SelectedColumn("e.event_offset", "INT"),
                            new SelectedColumn("e.event_nano", "INT"),
                            new SelectedColumn("e.status", Columns.TEXT),
                            new SelectedColumn("e.carrier_status", Columns.TEXT),
                            new SelectedColumn("e.location_kind", Columns.TEXT),
                            new SelectedColumn("e.centre_id", Columns.TEXT),
                            new SelectedColumn("e.location_title", Columns.TEXT)),
                    Columns.address("e.location").stream(),
                    Stream.of(new SelectedColumn("e.description", Columns.TEXT), new SelectedColumn("e.id", "BIGINT")))
            .flatMap(columns -> columns)
            .toList();

    // The shipment's columns follow the carrier.
    static final int ARTICLE_FIRST = CARRIER_COLUMN + 1 + SHIPMENT_COLUMNS.size();
    static final int EVENT_FIRST = ARTICLE_FIRST + ARTICLE_COLUMNS.size();

    // One number's shipments are told apart by their carriers; many numbers' by their ids, every row's last column.
    private static final String IN_CARRIER_ORDER = "carrier";
    private static final String IN_ID_ORDER = "shipment";

    static final String BY_NUMBER = statement("s.tracking_number = ?", IN_CARRIER_ORDER);
    static final String BY_KEY = statement("s.tracking_number = ? AND s.carrier = ?", IN_CARRIER_ORDER);
    // Every shipment of the numbers asked for; the reader keeps the keys asked for. A condition on the carrier too
    // would make PostgreSQL (15) look up every pair of number and carrier in the index; the few other carriers'
    // shipments under a number asked for cost less.
    private static final String BY_NUMBERS_POSTGRES = byNumbers(Engine.POSTGRES.anyOf("s.tracking_number"));
    private static final String BY_NUMBERS_SQLITE = byNumbers(Engine.SQLITE.anyOf("s.tracking_number"));

    private ShipmentLookupSql() {}

    /** The statement for every shipment of the numbers bound, as a list ({@link Engine#setList}), to each branch. */
    static String byNumbers(Engine engine) {
        return engine == Engine.POSTGRES ? BY_NUMBERS_POSTGRES : BY_NUMBERS_SQLITE;
    }

    private static String byNumbers(String condition) {
        return statement(condition, IN_ID_ORDER);
    }

    /**
     * The statement for the shipments {@code s} that meet {@code condition}, which each of its branches repeats with
     * its parameters, in {@code shipmentOrder}. Its text never changes, so that the driver and the database keep it
     * prepared. The union is a derived table, a form H2 (2.5), the embedded database before SQLite, kept parsed for the
     * next prepare; PostgreSQL and SQLite plan the two forms alike.
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

    private static List<String> group(List<SelectedColumn> columns, boolean selected) {
        return columns.stream().map(selected ? SelectedColumn::expression : SelectedColumn::typedNull).toList();
    }
}
