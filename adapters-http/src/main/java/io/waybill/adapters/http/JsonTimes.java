package io.waybill.adapters.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * How times are written in every body: RFC 3339, written here so that no serialiser setting can change them.
 *
 * <p>Exactly as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} and {@link DateTimeFormatter#ISO_INSTANT} write them,
 * but by hand for the years 0000 to 9999: every issued number writes two times, and the formatters' general printer
 * took about half the time of serialising the body.
 */
final class JsonTimes {

    // Years written as four digits: later ones take a sign, and earlier ones are negative.
    private static final int LAST_PLAIN_YEAR = 9999;
    private static final long FIRST_PLAIN_SECOND = LocalDate.of(0, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    private static final long AFTER_PLAIN_SECONDS =
            LocalDate.of(LAST_PLAIN_YEAR + 1, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    private JsonTimes() {}

    /** With the offset it was reported in; unlike {@code toString()}, always with the seconds. */
    static String of(OffsetDateTime time) {
        if (time.getYear() < 0 || time.getYear() > LAST_PLAIN_YEAR) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        StringBuilder text = dateTime(time.toLocalDateTime());
        int nano = time.getNano();
        if (nano > 0) { // as few digits as it takes
            text.append('.');
            for (int unit = 100_000_000; nano > 0; unit /= 10) {
                text.append((char) ('0' + nano / unit));
                nano %= unit;
            }
        }
        return text.append(time.getOffset().getId()).toString(); // Z, +08:00 or, rarely, +08:00:30
    }

    /** In UTC, such as {@code 2026-11-21T10:00:00.123Z}. */
    static String of(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_PLAIN_SECOND || seconds >= AFTER_PLAIN_SECONDS) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        StringBuilder text = dateTime(LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
        int nano = instant.getNano();
        if (nano > 0) { // in groups of three digits: milliseconds, microseconds, nanoseconds
            text.append('.');
            for (int unit = 100_000_000, digits = 0; nano > 0 || digits % 3 != 0; unit /= 10, digits++) {
                text.append((char) ('0' + nano / unit));
                nano %= unit;
            }
        }
        return text.append('Z').toString();
    }

    /** Such as {@code 2026-11-24}; null when there is none. */
    static String of(Optional<LocalDate> date) {
        return date.map(LocalDate::toString).orElse(null);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss}, for a year of four digits. */
    private static StringBuilder dateTime(LocalDateTime time) {
        StringBuilder text = new StringBuilder(35);
        twoDigits(twoDigits(text, time.getYear() / 100), time.getYear() % 100).append('-');
        twoDigits(text, time.getMonthValue()).append('-');
        twoDigits(text, time.getDayOfMonth()).append('T');
        twoDigits(text, time.getHour()).append(':');
        twoDigits(text, time.getMinute()).append(':');
        return twoDigits(text, time.getSecond());
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
