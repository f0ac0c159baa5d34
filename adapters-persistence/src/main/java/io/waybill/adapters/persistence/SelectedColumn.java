package io.waybill.adapters.persistence;

/**
 * A column that a statement selects: an expression, such as {@code s.created_at}, and its SQL type, for the NULL
 * that stands in its place where a statement's row has no such value.
 */
record SelectedColumn(String expression, String type) {

    /** A NULL of this column's type, named as the column is. */
    String typedNull() {
        return "CAST(NULL AS " + type + ") AS " + expression.substring(expression.indexOf('.') + 1);
    }
}
