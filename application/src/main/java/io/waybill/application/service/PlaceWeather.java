package io.waybill.application.service;

import io.waybill.application.port.in.FindWeatherUseCase.Answer;
import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.WeatherProvider;
import io.waybill.application.port.out.WeatherProvider.Location;
import io.waybill.application.port.out.WeatherProvider.Reading;
import io.waybill.application.port.out.WeatherStore;
import io.waybill.application.port.out.WeatherStore.Outcome;
import io.waybill.application.port.out.WeatherStore.Stored;
import io.waybill.application.support.Backoff;
import io.waybill.domain.weather.Weather;
import io.waybill.domain.weather.WeatherPlace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A place's weather across the cluster: what the database holds if it still holds, otherwise a fetch by the one
 * instance whose claim on the place succeeded, whose outcome the others wait for in the database. Every outcome is
 * stored with the time until which it holds: the weather, and a place the provider does not know, for the max age;
 * an unreachable provider for a back-off that doubles from {@value #FIRST_BACKOFF_SECONDS} s up to the max age.
 * Thread-safe.
 */
final class PlaceWeather {

    static final String NOT_FOUND = "place not found";
    static final String UNREACHABLE = "provider unreachable";
    static final String FETCHING = "weather is being fetched";

    static final int FIRST_BACKOFF_SECONDS = 30;
    /** How long a claim on a place holds: longer than a provider's call may take (each request 10 s, three at most). */
    static final Duration CLAIM = Duration.ofSeconds(60);
    /** How often an instance that lost the claim looks for the claimer's outcome. */
    static final Duration CLAIMER_POLL = Duration.ofMillis(50);
    /** How long an answer holds when the claimer did not finish, or a fetch was cut short. */
    static final Duration RETRY_SOON = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(PlaceWeather.class);

    private final WeatherProvider provider;
    private final WeatherStore store;
    private final Duration maxAge;
    private final Clock clock;
    private final BooleanSupplier closing;
    private final Metrics.Counter failures;

    PlaceWeather(WeatherProvider provider, WeatherStore store, Duration maxAge, Clock clock, BooleanSupplier closing) {
        this(provider, store, maxAge, clock, closing, Metrics.Counter.NONE);
    }

    /** @param failures counts the provider's failures, not fetches cut short by a shutdown */
    PlaceWeather(WeatherProvider provider, WeatherStore store, Duration maxAge, Clock clock, BooleanSupplier closing,
            Metrics.Counter failures) {
        this.provider = provider;
        this.store = store;
        this.maxAge = maxAge;
        this.clock = clock;
        this.closing = closing;
        this.failures = failures;
    }

    /**
     * The place's answer now, fetched if due.
     *
     * @throws RuntimeException when the database fails
     */
    KnownWeather resolve(WeatherPlace place) {
        Instant now = clock.instant();
        Optional<Stored> stored = store.find(place);
        if (stored.isPresent() && now.isBefore(stored.get().goodUntil())) {
            return known(stored.get());
        }
        Instant until = now.plus(CLAIM);
        if (store.claim(place, now, until)) {
            return fetch(place, stored, until);
        }
        return awaitClaimer(place);
    }

    // Another instance claimed the place: its outcome will be in the database. Should it not come (the claimer died),
    // the claim runs out and this instance claims the place itself.
    private KnownWeather awaitClaimer(WeatherPlace place) {
        long end = System.nanoTime() + CLAIM.toNanos();
        Optional<Stored> stored = Optional.empty();
        while (System.nanoTime() < end && !closing.getAsBoolean()) {
            try {
                Thread.sleep(CLAIMER_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Instant now = clock.instant();
            stored = store.find(place);
            if (stored.isPresent() && now.isBefore(stored.get().goodUntil())) {
                return known(stored.get());
            }
            Instant until = now.plus(CLAIM);
            if (store.claim(place, now, until)) {
                return fetch(place, stored, until);
            }
        }
        return soon(stored);
    }

    /** Calls the provider for {@code place}, which this instance has claimed until {@code until}, and stores it. */
    private KnownWeather fetch(WeatherPlace place, Optional<Stored> before, Instant until) {
        Optional<Location> location = before.flatMap(Stored::location);
        Stored outcome;
        try {
            Reading reading = provider.current(place, location);
            Instant fetchedAt = clock.instant();
            Optional<Location> found = reading.location().or(() -> location);
            Optional<Weather> weather = reading.observation().map(observed -> new Weather(place,
                    found.flatMap(Location::name), observed.temperatureC(), observed.code(), observed.windKmh(),
                    observed.observedAt(), fetchedAt));
            outcome = new Stored(place, found, weather, weather.isPresent() ? Outcome.FOUND : Outcome.NOT_FOUND,
                    fetchedAt.plus(maxAge), 0);
        } catch (RuntimeException e) {
            if (closing.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                // Cut short by a shutdown: not the provider's failure. The place is left for another instance now.
                store.release(place, until);
                return soon(before);
            }
            this.failures.increment();
            int failures = before.map(Stored::failures).orElse(0) + 1;
            LOG.warn("The weather of {} could not be fetched ({} in a row): {}", place.key(), failures,
                    e.getMessage());
            outcome = new Stored(place, location, before.flatMap(Stored::weather), Outcome.UNREACHABLE,
                    clock.instant().plus(backoff(failures)), failures);
        }
        try {
            store.save(outcome);
        } catch (RuntimeException e) {
            // Known here all the same; the claim runs out and another instance fetches again.
            LOG.warn("The weather of {} was fetched but could not be stored: {}", place.key(), e.toString());
        }
        return known(outcome);
    }

    /** 30 s after the first failure, doubling with each, never longer than the max age. */
    Duration backoff(int failures) {
        return new Backoff(Duration.ofSeconds(FIRST_BACKOFF_SECONDS), maxAge).after(failures);
    }

    // What was stored before, or that the weather is being fetched, for a few seconds.
    private KnownWeather soon(Optional<Stored> before) {
        Instant soon = clock.instant().plus(RETRY_SOON);
        return before.map(last -> new KnownWeather(known(last).answer(), soon))
                .orElseGet(() -> new KnownWeather(Answer.unavailable(FETCHING), soon));
    }

    /**
     * The answer an outcome gives until its time is up. After a failed fetch, an earlier observation is still shown
     * (its {@code fetched_at} tells its age) until it is twice the max age old.
     */
    private KnownWeather known(Stored stored) {
        return switch (stored.outcome()) {
            case FOUND -> new KnownWeather(Answer.of(stored.weather().orElseThrow()), stored.goodUntil());
            case NOT_FOUND -> new KnownWeather(Answer.unavailable(NOT_FOUND), stored.goodUntil());
            case UNREACHABLE -> stored.weather()
                    .map(last -> last.fetchedAt().plus(maxAge.multipliedBy(2)))
                    .filter(shownUntil -> clock.instant().isBefore(shownUntil))
                    .map(shownUntil -> new KnownWeather(Answer.of(stored.weather().get()),
                            shownUntil.isBefore(stored.goodUntil()) ? shownUntil : stored.goodUntil()))
                    .orElseGet(() -> new KnownWeather(Answer.unavailable(UNREACHABLE), stored.goodUntil()));
        };
    }
}
