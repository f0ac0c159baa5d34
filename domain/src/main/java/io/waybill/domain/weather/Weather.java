package io.waybill.domain.weather;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The weather observed at a place.
 *
 * @param place where it was looked up
 * @param locatedAs the name of the place the provider found, such as its city for a zip; empty when it named none
 * @param observedAt when the provider observed it
 * @param fetchedAt when Waybill fetched it from the provider
 */
public record Weather(WeatherPlace place, Optional<String> locatedAs, double temperatureC, WeatherCode code,
        double windKmh, Instant observedAt, Instant fetchedAt) {

    public Weather {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(locatedAs, "locatedAs");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        checkPlausible(temperatureC, windKmh);
    }

    /**
     * Refuses a temperature or wind the earth does not have (beyond -100 to 70 °C, 0 to 500 km/h): a provider's
     * answer that is not weather.
     */
    public static void checkPlausible(double temperatureC, double windKmh) {
        if (!Double.isFinite(temperatureC) || temperatureC < -100 || temperatureC > 70) {
            throw new IllegalArgumentException("not a temperature on the earth: " + temperatureC + " °C");
        }
        if (!Double.isFinite(windKmh) || windKmh < 0 || windKmh > 500) {
            throw new IllegalArgumentException("not a wind speed on the earth: " + windKmh + " km/h");
        }
    }

    /** Whether the weather commonly delays deliveries ({@link WeatherCode#severe}). */
    public boolean deliveryRisk() {
        return code.severe();
    }

    /** The city to show: the receiver's, or the one the provider found for the zip. */
    public Optional<String> city() {
        return place.city().or(() -> locatedAs);
    }
}
