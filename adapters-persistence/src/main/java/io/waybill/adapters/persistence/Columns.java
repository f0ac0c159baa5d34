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
    static List<Selected> address(String prefix) {
        return List.of(new Selected(prefix + "_street", TEXT), new Selected(prefix + "_zip", TEXT),
                new Selected(prefix + "_city", TEXT), new Selected(prefix + "_country", COUNTRY));
    }

    /** The columns of a party, as {@link ColumnReader#party} reads them. */
    static List<Selected> party(String prefix) {
        List<Selected> columns = new ArrayList<>();
        columns.add(new Selected(prefix + "_id", TEXT));
        columns.add(new Selected(prefix + "_name", TEXT));
        columns.addAll(address(prefix));
        columns.add(new Selected(prefix + "_phone", TEXT));
        return List.copyOf(columns);
    }

    /**
     * A column that a statement selects: an expression, such as {@code s.created_at}, and its SQL type, for the NULL
     * that stands in its place where a statement's row has no such value.
     */
    record Selected(String expression, String type) {

        /** A NULL of this column's type, named as the column is. */
        String typedNull() {
            return "CAST(NULL AS " + type + ") AS " + expression.substring(expression.indexOf('.') + 1);
        }
    }
}
