package io.waybill.application.service;

import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.in.RefreshWeatherUseCase;
import io.waybill.application.port.out.WeatherProvider;
import io.waybill.application.port.out.WeatherProvider.Location;
import io.waybill.application.port.out.WeatherProvider.Observation;
import io.waybill.application.port.out.WeatherProvider.Reading;
import io.waybill.application.port.out.WeatherStore;
import io.waybill.application.port.out.WeatherStore.Outcome;
import io.waybill.application.port.out.WeatherStore.Stored;
import io.waybill.application.port.out.WeatherUnreachableException;
import io.waybill.application.support.DaemonThreads;
import io.waybill.domain.Address;
import io.waybill.domain.weather.Weather;
import io.waybill.domain.weather.WeatherPlace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weather at receivers, fetched at most once per place every max age across every instance on one database.
 *
 * <p>Three layers: what this process knows (a map of answers by place, read by every lookup without a query, kept
 * until the answer's time is up); the database ({@link WeatherStore}), where every fetch's outcome is kept with the
 * time until which it holds; and the provider, which one instance at a time calls for a place, the one whose claim
 * on the place succeeded. Concurrent misses in one process wait for one fetch; the other instances wait for the
 * claimer's outcome in the database. A lookup waits at most the timeout in all: past it, the answer goes out with
 * what was known before (an older observation, marked by its {@code fetched_at}, or the reason there is none) and
 * the fetch completes for the next lookup.
 *
 * <p>Failures are remembered like weather: a place the provider does not know is not asked for again within the max
 * age, and an unreachable provider is asked again after a back-off that doubles from {@value #FIRST_BACKOFF_SECONDS}
 * s up to the max age. Thread-safe.
 */
public final class FindWeatherService implements FindWeatherUseCase, RefreshWeatherUseCase, AutoCloseable {

    static final String TURNED_OFF = "weather is turned off";
    static final String NO_PLACE = "no receiver address";
    static final String NOT_FOUND = "place not found";
    static final String UNREACHABLE = "provider unreachable";
    static final String FETCHING = "weather is being fetched";
    static final String STORE_DOWN = "weather is unavailable";

    static final int FIRST_BACKOFF_SECONDS = 30;
    /** How long a claim on a place holds: longer than any provider call may take. */
    static final Duration CLAIM = Duration.ofSeconds(60);
    /** How often an instance that lost the claim looks for the claimer's outcome. */
    static final Duration CLAIMER_POLL = Duration.ofMillis(50);
    /** How long an answer holds when the database could not be asked, or the claimer did not finish. */
    static final Duration RETRY_SOON = Duration.ofSeconds(5);
    static final int MAX_PLACES = 100_000;
    /** The places one refresh looks at, the most shipments' first. */
    static final int MAX_REFRESHED = 10_000;
    /** Open-Meteo asks for fewer than 600 calls a minute; a refresh leaves room for lookups' own fetches. */
    static final int REFRESH_CALLS_PER_MINUTE = 300;
    private static final int FETCH_THREADS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(FindWeatherService.class);

    private final Optional<WeatherProvider> provider;
    private final WeatherStore store;
    private final Duration maxAge;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService fetches;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Known>> fetching = new ConcurrentHashMap<>();
    private final AtomicLong providerCalls = new AtomicLong();

    /**
     * @param provider where weather comes from; empty when weather is turned off
     * @param maxAge how long weather, or a place not found, holds before it is fetched again
     * @param timeout how long a lookup may wait for weather it does not have
     */
    public FindWeatherService(Optional<WeatherProvider> provider, WeatherStore store, Duration maxAge,
            Duration timeout, Clock clock) {
        if (maxAge.isNegative() || maxAge.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the max age must be positive and the timeout not negative");
        }
        this.provider = provider;
        this.store = store;
        this.maxAge = maxAge;
        this.timeout = timeout;
        this.clock = clock;
        this.fetches = Executors.newFixedThreadPool(FETCH_THREADS, DaemonThreads.numbered("weather-fetch-"));
    }

    @Override
    public List<Answer> at(List<Address> receivers) {
        if (provider.isEmpty()) {
            return Collections.nCopies(receivers.size(), Answer.unavailable(TURNED_OFF));
        }
        Instant now = clock.instant();
        Object[] slots = new Object[receivers.size()]; // an Answer, or a Pending to wait for
        boolean waits = false;
        for (int i = 0; i < slots.length; i++) {
            Optional<WeatherPlace> place = WeatherPlace.of(receivers.get(i));
            if (place.isEmpty()) {
                slots[i] = Answer.unavailable(NO_PLACE);
                continue;
            }
            Known answer = known.get(place.get().key());
            if (answer != null && now.isBefore(answer.freshUntil())) {
                slots[i] = answer.answer();
            } else {
                slots[i] = new Pending(fetch(place.get()), answer);
                waits = true;
            }
        }
        if (waits) {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] instanceof Pending pending) {
                    slots[i] = pending.await(deadline);
                }
            }
        }
        List<Answer> answers = new ArrayList<>(slots.length);
        for (Object slot : slots) {
            answers.add((Answer) slot);
        }
        return answers;
    }

    /**
     * Fetches the weather of the places of shipments under way whose weather is due, through the same claims as
     * lookups (so the max age holds across the cluster), pacing the provider's calls to at most
     * {@value #REFRESH_CALLS_PER_MINUTE} a minute. A place this process knows to be fresh costs nothing.
     */
    @Override
    public int refresh() {
        if (provider.isEmpty()) {
            return 0;
        }
        long pause = TimeUnit.MINUTES.toNanos(1) / REFRESH_CALLS_PER_MINUTE;
        int asked = 0;
        for (Address address : store.placesAwaitingDelivery(MAX_REFRESHED)) {
            Optional<WeatherPlace> place = WeatherPlace.of(address);
            Known answer = place.map(found -> known.get(found.key())).orElse(null);
            if (place.isEmpty() || answer != null && clock.instant().isBefore(answer.freshUntil())) {
                continue;
            }
            long before = providerCalls.get();
            long started = System.nanoTime();
            remember(place.get().key(), resolve(place.get()));
            if (providerCalls.get() != before) {
                asked++;
                long rest = pause - (System.nanoTime() - started);
                if (rest > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(rest);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // closing: the next run goes on
                        break;
                    }
                }
            }
        }
        return asked;
    }

    /** The fetch of {@code place} under way in this process, or a new one. */
    private CompletableFuture<Known> fetch(WeatherPlace place) {
        String key = place.key();
        CompletableFuture<Known> mine = new CompletableFuture<>();
        CompletableFuture<Known> theirs = fetching.putIfAbsent(key, mine);
        if (theirs != null) {
            return theirs;
        }
        try {
            fetches.execute(() -> {
                // Completed and forgotten whatever happens, so that the next lookup starts a fetch of its own.
                Known outcome = new Known(Answer.unavailable(STORE_DOWN), clock.instant().plus(RETRY_SOON));
                try {
                    outcome = resolve(place);
                    remember(key, outcome);
                } finally {
                    fetching.remove(key, mine);
                    mine.complete(outcome);
                }
            });
        } catch (RejectedExecutionException e) { // closing
            fetching.remove(key, mine);
            mine.complete(new Known(Answer.unavailable(STORE_DOWN), clock.instant()));
        }
        return mine;
    }

    private void remember(String key, Known outcome) {
        if (known.size() >= MAX_PLACES) {
            Instant now = clock.instant();
            known.values().removeIf(answer -> !now.isBefore(answer.freshUntil()));
            if (known.size() >= MAX_PLACES) {
                known.clear();
            }
        }
        known.put(key, outcome);
    }

    /** What the database holds for {@code place} if it holds, otherwise a fetch by this or another instance. */
    private Known resolve(WeatherPlace place) {
        try {
            Instant now = clock.instant();
            Optional<Stored> stored = store.find(place);
            if (stored.isPresent() && now.isBefore(stored.get().goodUntil())) {
                return known(stored.get());
            }
            if (store.claim(place, now, now.plus(CLAIM))) {
                return fetchNow(place, stored);
            }
            return awaitClaimer(place);
        } catch (RuntimeException e) {
            LOG.warn("The weather of {} could not be looked up: {}", place.key(), e.toString());
            return new Known(Answer.unavailable(STORE_DOWN), clock.instant().plus(RETRY_SOON));
        }
    }

    // Another instance claimed the place: its outcome will be in the database. Should it not come (the claimer died),
    // the claim runs out and this instance claims the place itself.
    private Known awaitClaimer(WeatherPlace place) {
        long end = System.nanoTime() + CLAIM.toNanos();
        Optional<Stored> stored = Optional.empty();
        while (System.nanoTime() < end) {
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
            if (store.claim(place, now, now.plus(CLAIM))) {
                return fetchNow(place, stored);
            }
        }
        Instant soon = clock.instant().plus(RETRY_SOON);
        return stored.map(last -> new Known(known(last).answer(), soon))
                .orElseGet(() -> new Known(Answer.unavailable(FETCHING), soon));
    }

    /** Calls the provider for {@code place}, which this instance has claimed, and stores the outcome. */
    private Known fetchNow(WeatherPlace place, Optional<Stored> before) {
        Optional<Location> location = before.flatMap(Stored::location);
        Stored outcome;
        try {
            providerCalls.incrementAndGet();
            Reading reading = provider.orElseThrow().current(place, location);
            Instant fetchedAt = clock.instant();
            Optional<Location> found = reading.location().or(() -> location);
            Optional<Weather> weather = reading.observation().map(observed -> weather(place, found, observed,
                    fetchedAt));
            outcome = new Stored(place, found, weather, weather.isPresent() ? Outcome.FOUND : Outcome.NOT_FOUND,
                    fetchedAt.plus(maxAge), 0);
        } catch (WeatherUnreachableException | IllegalArgumentException e) {
            int failures = before.map(Stored::failures).orElse(0) + 1;
            LOG.warn("The weather of {} could not be fetched ({} in a row): {}", place.key(), failures,
                    e.getMessage());
            outcome = new Stored(place, location, before.flatMap(Stored::weather), Outcome.UNREACHABLE,
                    clock.instant().plus(backoff(failures)), failures);
        }
        store.save(outcome);
        return known(outcome);
    }

    private static Weather weather(WeatherPlace place, Optional<Location> location, Observation observed,
            Instant fetchedAt) {
        return new Weather(place, location.flatMap(Location::name), observed.temperatureC(), observed.code(),
                observed.windKmh(), observed.observedAt(), fetchedAt);
    }

    /** 30 s after the first failure, doubling with each, never longer than the max age. */
    Duration backoff(int failures) {
        Duration backoff = Duration.ofSeconds(FIRST_BACKOFF_SECONDS).multipliedBy(1L << Math.min(failures - 1, 20));
        return backoff.compareTo(maxAge) < 0 ? backoff : maxAge;
    }

    /**
     * The answer an outcome gives until its time is up. After a failed fetch, an earlier observation is still shown
     * (its {@code fetched_at} tells its age) until it is twice the max age old.
     */
    private Known known(Stored stored) {
        return switch (stored.outcome()) {
            case FOUND -> new Known(Answer.of(stored.weather().orElseThrow()), stored.goodUntil());
            case NOT_FOUND -> new Known(Answer.unavailable(NOT_FOUND), stored.goodUntil());
            case UNREACHABLE -> stored.weather()
                    .map(last -> last.fetchedAt().plus(maxAge.multipliedBy(2)))
                    .filter(shownUntil -> clock.instant().isBefore(shownUntil))
                    .map(shownUntil -> new Known(Answer.of(stored.weather().get()),
                            shownUntil.isBefore(stored.goodUntil()) ? shownUntil : stored.goodUntil()))
                    .orElseGet(() -> new Known(Answer.unavailable(UNREACHABLE), stored.goodUntil()));
        };
    }

    @Override
    public void close() {
        fetches.shutdownNow();
    }

    /** An answer and until when it holds. */
    private record Known(Answer answer, Instant freshUntil) {}

    /** A fetch to wait for, and what was known before it, to answer with should it not finish in time. */
    private record Pending(CompletableFuture<Known> fetch, Known before) {

        Answer await(long deadline) {
            try {
                return fetch.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).answer();
            } catch (TimeoutException e) {
                return before != null ? before.answer() : Answer.unavailable(FETCHING);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return before != null ? before.answer() : Answer.unavailable(FETCHING);
            } catch (ExecutionException e) {
                return Answer.unavailable(STORE_DOWN); // resolve answers every failure; kept for completeness
            }
        }
    }
}
