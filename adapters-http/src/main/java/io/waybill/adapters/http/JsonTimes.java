package io.waybill.adapters.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How times are written in every body: RFC 3339, written here so that no serialiser setting can change them. */
final class JsonTimes {

    private JsonTimes() {}

    /** With the offset it was reported in; unlike {@code toString()}, always with the seconds. */
    static String of(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** In UTC, such as {@code 2026-11-21T10:00:00.123Z}. */
    static String of(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Such as {@code 2026-11-24}; null when there is none. */
    static String of(Optional<LocalDate> date) {
        return date.map(LocalDate::toString).orElse(null);
    }
}
