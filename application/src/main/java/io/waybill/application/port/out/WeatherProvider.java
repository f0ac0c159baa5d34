package io.waybill.application.port.out;

import io.waybill.domain.weather.Coordinates;
import io.waybill.domain.weather.Weather;
import io.waybill.domain.weather.WeatherCode;
import io.waybill.domain.weather.WeatherPlace;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A public weather service: the current weather at a place. Thread-safe. */
public interface WeatherProvider {

    /**
     * The current weather at {@code place}, or an empty observation when the provider knows no such place.
     *
     * @param known where {@code place} was found before, so that the provider need not look it up again
     * @throws WeatherUnreachableException when the provider cannot be reached, or answers with an error or what is
     *     not weather
     */
    Reading current(WeatherPlace place, Optional<Location> known);

    /** Where the provider found a place, kept for good once found. */
    record Location(Coordinates coordinates, Optional<String> name) {

        public Location {
            Objects.requireNonNull(coordinates, "coordinates");
            Objects.requireNonNull(name, "name");
        }
    }

    /** What the provider reported, in its own time: weather the earth can have ({@link Weather#checkPlausible}). */
    record Observation(double temperatureC, WeatherCode code, double windKmh, Instant observedAt) {

        public Observation {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(observedAt, "observedAt");
            Weather.checkPlausible(temperatureC, windKmh);
        }
    }

    /**
     * @param location where the place was found, when the provider looks places up by coordinates
     * @param observation the weather there; empty when the provider knows no such place
     */
    record Reading(Optional<Location> location, Optional<Observation> observation) {

        public static final Reading NOT_FOUND = new Reading(Optional.empty(), Optional.empty());

        public Reading {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(observation, "observation");
        }
    }
}
