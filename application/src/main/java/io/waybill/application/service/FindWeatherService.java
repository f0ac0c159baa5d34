package io.waybill.application.service;

import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.in.RefreshWeatherUseCase;
import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.WeatherProvider;
import io.waybill.application.port.out.WeatherStore;
import io.waybill.application.support.DaemonThreads;
import io.waybill.domain.Address;
import io.waybill.domain.weather.WeatherPlace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weather at receivers, fetched at most once per place every max age across every instance on one database.
 *
 * <p>What this process knows comes first: a map of answers by place, read by every lookup without a query, each kept
 * until its time is up. A place it does not know is resolved in the background by {@link PlaceWeather} (the database,
 * or one fetch per cluster), and concurrent misses in this process wait for that one resolution. A lookup waits at
 * most the timeout in all: past it, the answer goes out with what was known before (an older observation, marked by
 * its {@code fetched_at}, or the reason there is none) and the resolution completes for the next lookup.
 *
 * <p>Counts the provider's calls ({@code waybill.weather.provider.calls}), those that failed
 * ({@code waybill.weather.provider.failures}) and the answers given without weather
 * ({@code waybill.weather.answers.unavailable}, by {@code reason}). Thread-safe.
 */
public final class FindWeatherService implements FindWeatherUseCase, RefreshWeatherUseCase, AutoCloseable {

    static final String TURNED_OFF = "weather is turned off";
    static final String NO_PLACE = "no receiver address";
    static final String STORE_DOWN = "weather is unavailable";

    static final int MAX_PLACES = 100_000;
    /**
     * The places one refresh keeps fresh, the most parcels' first: at one fetch each per two hours, 6,000 calls a day,
     * within the 10,000 that Open-Meteo's free use allows, with room for lookups' own fetches.
     */
    static final int MAX_REFRESHED = 500;
    // Resolutions wait on the database, the provider (whose requests are paced) or another instance's claim: enough
    // threads that slow ones do not hold up places the database answers at once.
    private static final int RESOLVING_THREADS = 32;

    private static final Logger LOG = LoggerFactory.getLogger(FindWeatherService.class);

    private final Optional<PlaceWeather> places;
    private final WeatherStore store;
    private final Duration timeout;
    private final Clock clock;
    private final ThreadPoolExecutor resolving;
    private final Map<String, KnownWeather> known = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<KnownWeather>> pending = new ConcurrentHashMap<>();
    private final AtomicLong providerCalls = new AtomicLong();
    private final Map<String, Metrics.Counter> unavailable;
    private volatile boolean closing;

    /** Without metrics. */
    public FindWeatherService(Optional<WeatherProvider> provider, WeatherStore store, Duration maxAge,
            Duration timeout, Clock clock) {
        this(provider, store, maxAge, timeout, clock, Metrics.NONE);
    }

    /**
     * @param provider where weather comes from; empty when weather is turned off
     * @param maxAge how long weather, or a place not found, holds before it is fetched again
     * @param timeout how long a lookup may wait for weather it does not have
     */
    public FindWeatherService(Optional<WeatherProvider> provider, WeatherStore store, Duration maxAge,
            Duration timeout, Clock clock, Metrics metrics) {
        if (maxAge.isNegative() || maxAge.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the max age must be positive and the timeout not negative");
        }
        Metrics.Counter calls = metrics.counter("waybill.weather.provider.calls", "Calls to the weather provider");
        Metrics.Counter failures = metrics.counter("waybill.weather.provider.failures",
                "Calls to the weather provider that failed (unreachable, refused or unreadable)");
        this.unavailable = unavailableCounters(metrics);
        this.places = provider.map(counted -> new PlaceWeather((place, location) -> {
            providerCalls.incrementAndGet();
            calls.increment();
            return counted.current(place, location);
        }, store, maxAge, clock, () -> closing, failures));
        this.store = store;
        this.timeout = timeout;
        this.clock = clock;
        this.resolving = new ThreadPoolExecutor(RESOLVING_THREADS, RESOLVING_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.numbered("weather-"));
        resolving.allowCoreThreadTimeOut(true);
    }

    @Override
    public List<Answer> at(List<Address> receivers) {
        if (places.isEmpty()) {
            unavailable.get(TURNED_OFF).increment(receivers.size());
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
            KnownWeather answer = known.get(place.get().key());
            if (answer != null && answer.freshAt(now)) {
                slots[i] = answer.answer();
            } else {
                slots[i] = new Pending(resolve(place.get()), answer);
                waits = true;
            }
        }
        if (waits) {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] instanceof Pending waiting) {
                    slots[i] = waiting.await(deadline);
                }
            }
        }
        List<Answer> answers = new ArrayList<>(slots.length);
        for (Object slot : slots) {
            Answer answer = (Answer) slot;
            if (answer.unavailable().isPresent()) { // no method reference: no allocation on a lookup's path
                countUnavailable(answer.unavailable().get());
            }
            answers.add(answer);
        }
        return answers;
    }

    // Every reason an answer may give, each a counter of its own; the reasons are this package's constants.
    private static Map<String, Metrics.Counter> unavailableCounters(Metrics metrics) {
        Map<String, Metrics.Counter> counters = new HashMap<>();
        for (String reason : List.of(TURNED_OFF, NO_PLACE, STORE_DOWN, PlaceWeather.NOT_FOUND,
                PlaceWeather.UNREACHABLE, PlaceWeather.FETCHING)) {
            counters.put(reason, metrics.counter("waybill.weather.answers.unavailable",
                    "Answers given without weather, by why", "reason", reason.replace(' ', '_')));
        }
        return Map.copyOf(counters);
    }

    private void countUnavailable(String reason) {
        Metrics.Counter counter = unavailable.get(reason);
        if (counter != null) {
            counter.increment();
        }
    }

    /**
     * Resolves, one after the other, the due places of the shipments under way that this process does not know to be
     * fresh, through the same claims as lookups (so the max age holds across the cluster); the provider's own pace
     * keeps its calls within its rate limit. Stops early when closing.
     */
    @Override
    public int refresh() {
        if (places.isEmpty()) {
            return 0;
        }
        long before = providerCalls.get();
        for (Address address : store.placesAwaitingDelivery(MAX_REFRESHED)) {
            if (closing) {
                break;
            }
            Optional<WeatherPlace> place = WeatherPlace.of(address);
            KnownWeather answer = place.map(found -> known.get(found.key())).orElse(null);
            if (place.isPresent() && (answer == null || !answer.freshAt(clock.instant()))) {
                resolve(place.get()).join();
            }
        }
        return (int) (providerCalls.get() - before);
    }

    /** The resolution of {@code place} under way in this process, or a new one; it never completes exceptionally. */
    private CompletableFuture<KnownWeather> resolve(WeatherPlace place) {
        String key = place.key();
        CompletableFuture<KnownWeather> mine = new CompletableFuture<>();
        CompletableFuture<KnownWeather> theirs = pending.putIfAbsent(key, mine);
        if (theirs != null) {
            return theirs;
        }
        KnownWeather before = known.get(key);
        // A resolution that ended between the caller's look at what is known and now remembered its outcome before it
        // left pending: that outcome, not a second resolution.
        if (before != null && before.freshAt(clock.instant())) {
            pending.remove(key, mine);
            mine.complete(before);
            return mine;
        }
        try {
            resolving.execute(() -> {
                // Completed and forgotten whatever happens, so that a later lookup starts a resolution of its own.
                KnownWeather outcome = unavailable(before);
                try {
                    outcome = places.orElseThrow().resolve(place);
                } catch (RuntimeException e) {
                    LOG.warn("The weather of {} could not be looked up: {}", key, e.toString());
                } finally {
                    remember(key, outcome);
                    pending.remove(key, mine);
                    mine.complete(outcome);
                }
            });
        } catch (RejectedExecutionException e) { // closing
            pending.remove(key, mine);
            mine.complete(unavailable(before));
        }
        return mine;
    }

    // When the database fails: what was known before, if anything, for a few seconds more.
    private KnownWeather unavailable(KnownWeather before) {
        Instant soon = clock.instant().plus(PlaceWeather.RETRY_SOON);
        return new KnownWeather(before != null ? before.answer() : Answer.unavailable(STORE_DOWN), soon);
    }

    private void remember(String key, KnownWeather outcome) {
        if (known.size() >= MAX_PLACES) {
            Instant now = clock.instant();
            known.values().removeIf(answer -> !answer.freshAt(now));
            if (known.size() >= MAX_PLACES) {
                known.clear();
            }
        }
        known.put(key, outcome);
    }

    /** Stops resolving: a fetch cut short leaves its place to another instance, not a failure on record. */
    @Override
    public void close() {
        closing = true;
        resolving.shutdownNow();
    }

    /** A resolution to wait for, and what was known before it, to answer with should it not finish in time. */
    private record Pending(CompletableFuture<KnownWeather> resolution, KnownWeather before) {

        Answer await(long deadline) {
            try {
                return resolution.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).answer();
            } catch (TimeoutException | ExecutionException e) {
                return before != null ? before.answer() : Answer.unavailable(PlaceWeather.FETCHING);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return before != null ? before.answer() : Answer.unavailable(PlaceWeather.FETCHING);
            }
        }
    }
}
