package io.waybill.adapters.http.page;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Dates, times and numbers as a language writes them (its locale's CLDR conventions): a delivery day in full, with
 * its weekday; an event at the carrier's local time, with its offset from UTC, so that a scan in Berlin and one in
 * Taipei each show the clock of their place. Immutable, thread-safe (a {@link NumberFormat} is made per call).
 */
final class Formats {

    private final Language language;
    private final DateTimeFormatter day;
    private final DateTimeFormatter moment;

    Formats(Language language) {
        this.language = language;
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language.locale());
        this.moment = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale());
    }

    /** Such as {@code Friday, November 27, 2026} or {@code Freitag, 27. November 2026}. */
    String day(LocalDate date) {
        return day.format(date);
    }

    /** Such as {@code 20.11.2026, 09:00 (UTC+08:00)}: the time where the event happened. */
    String localTime(OffsetDateTime time) {
        return moment.format(time) + " (" + offset(time.getOffset()) + ")";
    }

    /** A measurement with at most one decimal, such as {@code 21.5} or {@code 21,5}. */
    String number(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(language.locale());
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }

    private static String offset(ZoneOffset offset) {
        return offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
    }
}
