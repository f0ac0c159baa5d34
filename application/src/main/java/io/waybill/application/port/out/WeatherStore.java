package io.waybill.application.port.out;

import io.waybill.domain.Address;
import io.waybill.domain.weather.Weather;
import io.waybill.domain.weather.WeatherPlace;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The weather of places, shared by every instance on one database, and the claims that let one instance at a time
 * fetch a place's weather. Times are the caller's (its clock), never the database's. Thread-safe.
 */
public interface WeatherStore {

    /** What is stored for {@code place}, if anything. */
    Optional<Stored> find(WeatherPlace place);

    /**
     * Claims the next fetch of {@code place} for the caller until {@code until}, when no other claim holds at
     * {@code now} and what is stored is due ({@link Stored#goodUntil} at or before {@code now}, or nothing stored).
     * Exactly one of concurrent callers, in any process, gets true.
     */
    boolean claim(WeatherPlace place, Instant now, Instant until);

    /** Stores the outcome of a fetch of {@code stored.place()} and releases its claim. */
    void save(Stored stored);

    /**
     * Gives up a claim of {@link #claim} without storing an outcome (a fetch cut short by a shutdown), so that
     * another instance may fetch the place at once. Only the claim made with this {@code until} is given up: one
     * that has run out and been taken by another instance is left alone.
     */
    void release(WeatherPlace place, Instant until);

    /**
     * Where the parcels still under way go: the distinct zip, city and country (street empty) of the receivers of
     * shipments not in a final status, at most {@code limit} of them, the most shipments' first.
     */
    List<Address> placesAwaitingDelivery(int limit);

    /**
     * A place's last fetch.
     *
     * @param location where the provider found the place, once it did
     * @param weather the last weather fetched, which an unreachable provider leaves as it was
     * @param outcome what the last fetch found
     * @param goodUntil until when the place needs no fetch: the weather's age limit, or the end of a failure's back-off
     * @param failures the unreachable fetches in a row, for the back-off
     */
    record Stored(WeatherPlace place, Optional<WeatherProvider.Location> location, Optional<Weather> weather,
            Outcome outcome, Instant goodUntil, int failures) {

        public Stored {
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(weather, "weather");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(goodUntil, "goodUntil");
        }
    }

    enum Outcome {
        FOUND,
        NOT_FOUND,
        UNREACHABLE
    }
}
