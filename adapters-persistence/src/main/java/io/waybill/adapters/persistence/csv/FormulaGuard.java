package io.waybill.adapters.persistence.csv;

/**
 * Keeps spreadsheets from running a CSV cell as a formula (OWASP's CSV injection): a cell that starts with
 * {@code = + - @}, a tab, a carriage return or a NUL (or their full-width forms {@code ＝ ＋ － ＠}) is written with a
 * single quote in front, which spreadsheets take as "this is text" and do not show. A cell that already starts with
 * quotes before such a character gets one more, and reading takes exactly one away, so every value reads back as it
 * was written.
 */
final class FormulaGuard {

    private static final String TRIGGERS = "=+-@\t\r\0＝＋－＠";

    private FormulaGuard() {}

    /** The value as a cell a spreadsheet shows as text. */
    static String neutralised(String value) {
        return startsFormula(value, 0) ? "'" + value : value;
    }

    /** The value a cell that {@link #neutralised} wrote stands for; any other cell as it is. */
    static String restored(String cell) {
        return cell != null && !cell.isEmpty() && cell.charAt(0) == '\'' && startsFormula(cell, 1)
                ? cell.substring(1)
                : cell;
    }

    // Whether the value, past any quotes from index 'from' on, starts with a character that starts a formula.
    private static boolean startsFormula(String value, int from) {
        int first = from;
        while (first < value.length() && value.charAt(first) == '\'') {
            first++;
        }
        return first < value.length() && TRIGGERS.indexOf(value.charAt(first)) >= 0;
    }
}
