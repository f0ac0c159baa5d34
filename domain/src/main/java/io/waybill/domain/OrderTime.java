package io.waybill.domain;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * When an order was created, as an RFC 3339 date-time with an offset, such as {@code 2018-11-20T19:29:32+08:00}.
 * The offset is kept, so the time is shown back as the customer wrote it.
 */
public record OrderTime(OffsetDateTime value) {

    // RFC 3339 section 5.6: seconds and an offset are required; 't', 'z' and a space separator are allowed.
    private static final Pattern RFC_3339 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 9999;

    public OrderTime {
        Objects.requireNonNull(value, "value");
        if (value.getYear() < FIRST_YEAR || value.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException(
                    "must be between the years " + FIRST_YEAR + " and " + LAST_YEAR + "; got " + value);
        }
    }

    public static OrderTime parse(String text) {
        if (text == null || !RFC_3339.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "must be an RFC 3339 date-time with an offset, such as 2018-11-20T19:29:32+08:00; got "
                            + Text.quote(text));
        }
        String iso = text.toUpperCase(Locale.ROOT).replace(' ', 'T');
        try {
            return new OrderTime(OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a real date and time: " + Text.quote(text), e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
