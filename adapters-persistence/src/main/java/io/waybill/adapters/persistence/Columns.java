package io.waybill.adapters.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * The column groups that several tables share: an address is {@code <prefix>_street}, {@code _zip}, {@code _city},
 * {@code _country}; a party adds {@code _id}, {@code _name} and {@code _phone}. A value that is absent is NULL, never
 * an empty string. Bound here, read by {@link ColumnReader}.
 */
final class Columns {

    static final String TEXT = "VARCHAR";
    static final String COUNTRY = "CHAR(2)";

    private Columns() {}

    /** The columns of an address, as {@link ColumnReader#address} reads them. */
    static List<SelectedColumn> address(String prefix) {
        return List.of(new SelectedColumn(prefix + "_street", TEXT), new SelectedColumn(prefix + "_zip", TEXT),
                new SelectedColumn(prefix + "_city", TEXT), new SelectedColumn(prefix + "_country", COUNTRY));
    }

    /** The columns of a party, as {@link ColumnReader#party} reads them. */
    static List<SelectedColumn> party(String prefix) {
        List<SelectedColumn> columns = new ArrayList<>();
        columns.add(new SelectedColumn(prefix + "_id", TEXT));
        columns.add(new SelectedColumn(prefix + "_name", TEXT));
        columns.addAll(address(prefix));
        columns.add(new SelectedColumn(prefix + "_phone", TEXT));
        return List.copyOf(columns);
    }
}
