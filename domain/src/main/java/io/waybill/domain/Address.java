package io.waybill.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A postal address. Every part is optional: an address that could not be split into parts keeps its whole text as
 * the street, so nothing is lost.
 */
public record Address(Optional<String> street, Optional<String> zip, Optional<String> city,
        Optional<CountryCode> country) {

    public static final int MAX_LENGTH = 300;
    public static final Address NONE = new Address(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public Address {
        street.ifPresent(text -> check("street", text, MAX_LENGTH));
        zip.ifPresent(text -> check("zip", text, 20));
        city.ifPresent(text -> check("city", text, 100));
        Objects.requireNonNull(country, "country");
    }

    public static Address of(String street, String zip, String city, CountryCode country) {
        return new Address(Optional.ofNullable(street), Optional.ofNullable(zip), Optional.ofNullable(city),
                Optional.ofNullable(country));
    }

    /** The parts on one line, such as {@code Street 10, 75001 Paris, FR}. */
    public String oneLine() {
        return oneLine(CountryCode::value);
    }

    /**
     * The parts on one line with the country as {@code countryName} writes it, such as
     * {@code Street 10, 75001 Paris, France}: the line {@link AddressLine#parse} reads.
     */
    public String oneLine(Function<CountryCode, String> countryName) {
        String place = Stream.of(zip, city).flatMap(Optional::stream).collect(Collectors.joining(" "));
        return Stream.of(street, Optional.of(place).filter(text -> !text.isEmpty()), country.map(countryName))
                .flatMap(Optional::stream)
                .collect(Collectors.joining(", "));
    }

    private static void check(String part, String text, int maxLength) {
        try {
            Text.line(text, maxLength);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(part + " " + e.getMessage(), e);
        }
    }
}
