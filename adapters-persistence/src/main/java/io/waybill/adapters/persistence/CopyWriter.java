package io.waybill.adapters.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN}: a line per row, columns separated by tabs,
 * {@code \N} for NULL, and backslash, newline, carriage return and tab escaped with a backslash. Values are written
 * as PostgreSQL reads them back unchanged: times in ISO 8601 with their offset, rounded to the microsecond as the
 * JDBC driver rounds them; numbers in plain decimal.
 */
final class CopyWriter implements RowWriter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final StringBuilder text = new StringBuilder(64 * 1024);
    private boolean first = true;
    private int rows;

    int rows() {
        return rows;
    }

    /** The rows, in UTF-8: the encoding PostgreSQL's JDBC driver always talks in. */
    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public CopyWriter text(String value) {
        if (value == null) {
            return field("\\N");
        }
        separate();
        int plain = 0;
        while (plain < value.length() && !needsEscape(value.charAt(plain))) {
            plain++;
        }
        if (plain == value.length()) {
            text.append(value); // at once, where append(value, 0, plain) copies a character at a time
            return this;
        }
        text.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
        return this;
    }

    @Override
    public CopyWriter integer(int value) {
        separate();
        text.append(value);
        return this;
    }

    @Override
    public CopyWriter integer(Integer value) {
        return value == null ? field("\\N") : integer(value.intValue());
    }

    @Override
    public CopyWriter longInteger(long value) {
        separate();
        text.append(value);
        return this;
    }

    @Override
    public CopyWriter bool(boolean value) {
        return field(value ? "t" : "f");
    }

    @Override
    public CopyWriter decimal(Optional<BigDecimal> value) {
        return field(value.map(BigDecimal::toPlainString).orElse("\\N"));
    }

    @Override
    public CopyWriter uuid(Optional<UUID> value) {
        return field(value.map(UUID::toString).orElse("\\N"));
    }

    @Override
    public CopyWriter date(Optional<LocalDate> value) {
        return field(value.map(LocalDate::toString).orElse("\\N"));
    }

    @Override
    public CopyWriter timestamp(OffsetDateTime value) {
        if (value == null) {
            return field("\\N");
        }
        // Half a microsecond up, then truncated: rounded to the nearest microsecond.
        return field(TIMESTAMP.format(value.plusNanos(500).truncatedTo(ChronoUnit.MICROS)));
    }

    @Override
    public void endRow() {
        text.append('\n');
        first = true;
        rows++;
    }

    // For values that need no escaping.
    private CopyWriter field(String value) {
        separate();
        text.append(value);
        return this;
    }

    private static boolean needsEscape(char c) {
        return c == '\\' || c == '\n' || c == '\r' || c == '\t';
    }

    private void separate() {
        if (first) {
            first = false;
        } else {
            text.append('\t');
        }
    }
}
