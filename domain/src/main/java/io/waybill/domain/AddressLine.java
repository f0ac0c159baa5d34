package io.waybill.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an address written on one line, such as {@code Street 10, 75001 Paris, France}, into its parts: comma-separated,
 * the country last (a name, code or common short form, see {@link Countries}), before it the zip code and city in
 * either order, and the street before that. Zip codes of the common shapes are recognised: 3 to 6 digits, and the
 * Dutch, British, Canadian, Polish, Portuguese, Swedish/Czech and American ({@code IL 62704}) forms. A line that does
 * not end in a known country, or has no recognisable zip code and city, is kept whole as the street, so nothing is
 * lost.
 */
public final class AddressLine {

    // The specific shapes first, then plain digits: 3 to 6 of them (Taiwan's 110, France's 75001, India's 110001).
    private static final String ZIP = "(?:\\d{4} ?[A-Z]{2}|\\d{3} \\d{2}|\\d{2}-\\d{3}|\\d{4}-\\d{3}"
            + "|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d|[A-Z]{2} \\d{5}(?:-\\d{4})?"
            + "|\\d{5}-\\d{4}|\\d{3,6})";
    private static final Pattern ZIP_ALONE = Pattern.compile(ZIP);
    private static final Pattern ZIP_THEN_CITY = Pattern.compile("(" + ZIP + ")\\s+(\\S.*)");
    private static final Pattern CITY_THEN_ZIP = Pattern.compile("(\\S.*?)\\s+(" + ZIP + ")");

    private AddressLine() {}

    /** @throws IllegalArgumentException when a part is too long for an {@link Address}, or has control characters */
    public static Address parse(String line) {
        String text = Text.line(line, Address.MAX_LENGTH).strip();
        List<String> parts = new ArrayList<>(Arrays.stream(text.split(",")).map(String::strip)
                .filter(part -> !part.isEmpty()).toList());
        if (parts.size() < 2) {
            return whole(text);
        }
        Optional<CountryCode> country = Countries.byName(parts.remove(parts.size() - 1));
        if (country.isEmpty()) {
            return whole(text);
        }
        String place = parts.remove(parts.size() - 1);
        if (ZIP_ALONE.matcher(place).matches() && !parts.isEmpty()) { // Springfield, IL 62704, USA
            String city = parts.remove(parts.size() - 1);
            Optional<String> street = parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
            return new Address(street, Optional.of(place), Optional.of(city), country);
        }
        Optional<String> street = parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
        Matcher zipFirst = ZIP_THEN_CITY.matcher(place);
        if (zipFirst.matches()) {
            return new Address(street, Optional.of(zipFirst.group(1)), Optional.of(zipFirst.group(2)), country);
        }
        Matcher cityFirst = CITY_THEN_ZIP.matcher(place);
        if (cityFirst.matches()) {
            return new Address(street, Optional.of(cityFirst.group(2)), Optional.of(cityFirst.group(1)), country);
        }
        if (street.isEmpty()) {
            return new Address(Optional.empty(), Optional.empty(), Optional.of(place), country);
        }
        return whole(text);
    }

    private static Address whole(String text) {
        return new Address(Optional.of(text), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
