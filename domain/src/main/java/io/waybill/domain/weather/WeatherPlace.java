package io.waybill.domain.weather;

import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where weather is looked up: a country and a zip, or a country and a city when there is no zip. The country is
 * always part of it, so 75001 in FR is Paris and never a zip of another country; four-digit zips (Brussels 1000,
 * Copenhagen 1050) are zips like any other.
 */
public record WeatherPlace(CountryCode country, Optional<String> zip, Optional<String> city) {

    public WeatherPlace {
        Objects.requireNonNull(country, "country");
        zip = zip.map(WeatherPlace::tidy).filter(text -> !text.isEmpty());
        city = city.map(WeatherPlace::tidy).filter(text -> !text.isEmpty());
        if (zip.isEmpty() && city.isEmpty()) {
            throw new IllegalArgumentException("a weather place needs a zip or a city");
        }
    }

    /** The place of {@code address}, or empty when it lacks a country, or both a zip and a city. */
    public static Optional<WeatherPlace> of(Address address) {
        if (address.country().isEmpty() || address.zip().filter(z -> !z.isBlank()).isEmpty()
                && address.city().filter(c -> !c.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WeatherPlace(address.country().get(), address.zip(), address.city()));
    }

    /**
     * What identifies the place, the same for every spelling of it: {@code FR 75001} by zip, when there is one (the
     * city then adds nothing), otherwise {@code GB city london}. At most 130 characters.
     */
    public String key() {
        return zip.map(code -> country.value() + " " + code.toUpperCase(Locale.ROOT).replace(" ", ""))
                .orElseGet(() -> country.value() + " city " + city.orElseThrow().toLowerCase(Locale.ROOT));
    }

    // Every run of white space as one space, none at the ends; most texts are tidy already and come back as they are.
    private static String tidy(String text) {
        StringBuilder tidy = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = tidy.length() > 0;
            } else {
                if (space) {
                    tidy.append(' ');
                    space = false;
                }
                tidy.append(c);
            }
        }
        return tidy.length() == text.length() ? text : tidy.toString();
    }
}
