package io.waybill.domain;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When an order was created, as an RFC 3339 date-time with an offset, such as {@code 2018-11-20T19:29:32+08:00}.
 * The offset is kept, so the time is shown back as the customer wrote it.
 */
public record OrderTime(OffsetDateTime value) {

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
        if (text == null || !isRfc3339(text)) {
            throw new IllegalArgumentException(
                    "must be an RFC 3339 date-time with an offset, such as 2018-11-20T19:29:32+08:00; got "
                            + Text.quote(text));
        }
        try {
            return new OrderTime(OffsetDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                    number(text, 11, 13), number(text, 14, 16), number(text, 17, 19), nanos(text), offset(text)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a real date and time: " + Text.quote(text), e);
        }
    }

    /**
     * RFC 3339 section 5.6, {@code \d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})}:
     * seconds and an offset are required; 't', 'z' and a space separator are allowed. Checked char by char: that
     * pattern took most of the parsing's time.
     */
    private static boolean isRfc3339(String text) {
        int length = text.length();
        if (length < 20 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 7)
                || text.charAt(7) != '-' || !digits(text, 8, 10) || "Tt ".indexOf(text.charAt(10)) < 0
                || !digits(text, 11, 13) || text.charAt(13) != ':' || !digits(text, 14, 16) || text.charAt(16) != ':'
                || !digits(text, 17, 19)) {
            return false;
        }
        int offset = 19;
        if (text.charAt(offset) == '.') {
            int fraction = ++offset;
            while (offset < length && isDigit(text.charAt(offset))) {
                offset++;
            }
            if (offset == fraction || offset - fraction > 9) {
                return false;
            }
        }
        if (offset == length - 1) {
            return text.charAt(offset) == 'Z' || text.charAt(offset) == 'z';
        }
        return offset == length - 6 && (text.charAt(offset) == '+' || text.charAt(offset) == '-')
                && digits(text, offset + 1, offset + 3) && text.charAt(offset + 3) == ':'
                && digits(text, offset + 4, offset + 6);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII digits only, as {@code \d} in a pattern; {@link Character#isDigit} takes other scripts' too. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // By position, as isRfc3339 has checked the shape: a generated number issues one a request, and
    // DateTimeFormatter's general parser took about 5 % of its CPU.
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static int nanos(String text) {
        if (text.charAt(19) != '.') {
            return 0;
        }
        int value = 0;
        int digits = 0;
        for (int i = 20; Character.isDigit(text.charAt(i)); i++, digits++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        for (; digits < 9; digits++) {
            value *= 10;
        }
        return value;
    }

    private static ZoneOffset offset(String text) {
        char sign = text.charAt(text.length() - 6);
        if (sign != '+' && sign != '-') {
            return ZoneOffset.UTC; // Z or z
        }
        int hours = number(text, text.length() - 5, text.length() - 3);
        int minutes = number(text, text.length() - 2, text.length());
        return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
