package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.in.FindWeatherUseCase.Answer;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.application.port.out.WeatherProvider;
import io.waybill.application.port.out.WeatherStore;
import io.waybill.application.port.out.WeatherUnreachableException;
import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import io.waybill.domain.weather.Coordinates;
import io.waybill.domain.weather.Weather;
import io.waybill.domain.weather.WeatherCode;
import io.waybill.domain.weather.WeatherPlace;
import io.waybill.application.contract.CountingMetrics;
import io.waybill.application.contract.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FindWeatherServiceTest {

    private static final Duration MAX_AGE = Duration.ofHours(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant START = Instant.parse("2026-12-06T08:00:00Z");
    private static final Address PARIS = Address.of("Street 10", "75001", "Paris", CountryCode.of("FR"));
    private static final Address BRUSSELS = Address.of("Street 5", "1000", "Brussels", CountryCode.of("BE"));
    private static final Address LONDON_NO_ZIP = Address.of(null, null, "London", CountryCode.of("GB"));
    private static final Instant OBSERVED = Instant.parse("2026-12-06T07:45:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final InMemoryWeatherStore store = new InMemoryWeatherStore();
    private final CountingProvider provider = new CountingProvider();
    private final List<FindWeatherService> services = new ArrayList<>();

    @AfterEach
    void close() {
        services.forEach(FindWeatherService::close);
    }

    @Test
    void answersTheWeatherAtTheReceiverAndFetchesAPlaceOnce() {
        FindWeatherService weather = service(TIMEOUT);

        Answer first = one(weather, PARIS);
        Answer again = one(weather, PARIS);

        Weather found = first.weather().orElseThrow();
        assertThat(found.temperatureC()).isEqualTo(4.5);
        assertThat(found.code()).isEqualTo(WeatherCode.of(3));
        assertThat(found.windKmh()).isEqualTo(12.0);
        assertThat(found.observedAt()).isEqualTo(OBSERVED);
        assertThat(found.fetchedAt()).isEqualTo(START);
        assertThat(found.place()).isEqualTo(WeatherPlace.of(PARIS).orElseThrow());
        assertThat(found.city()).contains("Paris");
        assertThat(first.unavailable()).isEmpty();
        assertThat(again).isEqualTo(first);
        assertThat(provider.calls("FR 75001")).isEqualTo(1);
    }

    @Test
    void aListWaitsOnceForAllItsPlacesAndFetchesEachOnce() {
        FindWeatherService weather = service(TIMEOUT);

        List<Answer> answers = weather.at(List.of(PARIS, BRUSSELS, PARIS, LONDON_NO_ZIP, Address.NONE));

        assertThat(answers).extracting(answer -> answer.weather().map(w -> w.place().key()).orElse(null))
                .containsExactly("FR 75001", "BE 1000", "FR 75001", "GB city london", null);
        assertThat(answers.get(4).unavailable()).contains("no receiver address");
        assertThat(provider.calls()).isEqualTo(3);
    }

    @Test
    void concurrentMissesInOneProcessWaitForOneFetch() throws Exception {
        FindWeatherService weather = service(TIMEOUT);
        CountDownLatch release = provider.holdAnswers();
        int threads = 16;
        CyclicBarrier together = new CyclicBarrier(threads + 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    together.await();
                    return one(weather, PARIS);
                }));
            }
            together.await();
            assertThat(provider.entered.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Future<Answer> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).weather()).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(provider.calls("FR 75001")).isEqualTo(1);
        assertThat(store.finds()).as("one resolution, not one per lookup").isEqualTo(1);
    }

    @Test
    void instancesSharingADatabaseFetchAPlaceOnceAndUseTheClaimersWeather() throws Exception {
        FindWeatherService one = service(TIMEOUT);
        FindWeatherService other = service(TIMEOUT);
        CountDownLatch release = provider.holdAnswers();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Answer> first = pool.submit(() -> one(one, PARIS));
            assertThat(provider.entered.await(5, TimeUnit.SECONDS)).isTrue(); // one has claimed the place
            Future<Answer> second = pool.submit(() -> one(other, PARIS));
            assertThat(store.awaitClaimAttempts(2)).as("the other instance has tried to claim it").isTrue();
            release.countDown();

            Weather claimers = first.get(10, TimeUnit.SECONDS).weather().orElseThrow();
            assertThat(second.get(10, TimeUnit.SECONDS).weather()).contains(claimers);
        } finally {
            pool.shutdownNow();
        }
        assertThat(provider.calls("FR 75001")).isEqualTo(1);
        assertThat(store.saves()).isEqualTo(1);
    }

    @Test
    void fetchesAgainOncePastTheMaxAgeAndNotBefore() {
        FindWeatherService one = service(TIMEOUT);
        FindWeatherService other = service(TIMEOUT);
        one(one, PARIS);
        clock.advance(MAX_AGE.minusSeconds(1));
        one(other, PARIS);
        one(one, PARIS);
        assertThat(provider.calls("FR 75001")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        Answer later = one(other, PARIS);
        one(one, PARIS);

        assertThat(provider.calls("FR 75001")).isEqualTo(2);
        assertThat(later.weather().orElseThrow().fetchedAt()).isEqualTo(START.plus(MAX_AGE));
    }

    @Test
    void keepsWhereItFoundAPlaceAndHandsItToTheProvider() {
        FindWeatherService weather = service(TIMEOUT);
        one(weather, PARIS);
        clock.advance(MAX_AGE);

        one(weather, PARIS);

        assertThat(provider.knownLocations).containsExactly(Optional.empty(), Optional.of(CountingProvider.PARIS_AT));
    }

    @Test
    void aPlaceNotFoundIsNotAskedForAgainWithinTheMaxAge() {
        provider.answer = place -> WeatherProvider.Reading.NOT_FOUND;
        FindWeatherService weather = service(TIMEOUT);

        assertThat(one(weather, PARIS).unavailable()).contains("place not found");
        clock.advance(MAX_AGE.minusSeconds(1));
        assertThat(one(service(TIMEOUT), PARIS).unavailable()).contains("place not found");
        assertThat(provider.calls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        one(weather, PARIS);
        assertThat(provider.calls()).isEqualTo(2);
    }

    @Test
    void anUnreachableProviderIsAskedAgainAfterABackOffThatDoublesUpToTheMaxAge() {
        provider.answer = place -> {
            throw new WeatherUnreachableException("connection refused", null);
        };
        FindWeatherService weather = service(TIMEOUT);

        assertThat(one(weather, PARIS).unavailable()).contains("provider unreachable");
        clock.advance(Duration.ofSeconds(29));
        one(weather, PARIS);
        assertThat(provider.calls()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        one(weather, PARIS); // 30 s after the first failure
        assertThat(provider.calls()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(59));
        one(weather, PARIS);
        assertThat(provider.calls()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        one(weather, PARIS); // 60 s after the second
        assertThat(provider.calls()).isEqualTo(3);

        PlaceWeather places = new PlaceWeather(provider, store, MAX_AGE, clock, () -> false);
        assertThat(places.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(places.backoff(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(places.backoff(9)).isEqualTo(MAX_AGE);
        assertThat(places.backoff(80)).isEqualTo(MAX_AGE);
    }

    @Test
    void afterAFailedFetchTheLastWeatherIsShownWithItsFetchTimeUntilItIsTwiceTheMaxAgeOld() {
        FindWeatherService weather = service(TIMEOUT);
        Weather first = one(weather, PARIS).weather().orElseThrow();
        provider.answer = place -> {
            throw new WeatherUnreachableException("HTTP 503", null);
        };

        clock.advance(MAX_AGE);
        assertThat(one(weather, PARIS).weather()).contains(first);
        clock.advance(MAX_AGE.minusSeconds(1));
        assertThat(one(weather, PARIS).weather()).contains(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(one(weather, PARIS).unavailable()).contains("provider unreachable");
    }

    @Test
    void aSlowProviderDoesNotHoldALookupPastTheTimeoutAndTheNextLookupHasTheWeather() throws Exception {
        Duration timeout = Duration.ofMillis(200);
        FindWeatherService weather = service(timeout);
        CountDownLatch release = provider.holdAnswers();

        long started = System.nanoTime();
        Answer first = one(weather, PARIS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(first.unavailable()).contains("weather is being fetched");
        assertThat(took).isBetween(timeout, timeout.plusSeconds(1));
        release.countDown();
        assertThat(store.awaitSaves(1)).isTrue();
        assertThat(one(weather, PARIS).weather()).isPresent();
        assertThat(provider.calls()).isEqualTo(1);
    }

    @Test
    void weatherFetchedButNotStoredIsAnsweredAllTheSame() {
        store.failNextSave(new StorageUnavailableException("the database is down", null));
        FindWeatherService weather = service(TIMEOUT);

        assertThat(one(weather, PARIS).weather()).isPresent();
        assertThat(one(weather, PARIS).weather()).isPresent();
        assertThat(provider.calls()).isEqualTo(1);
    }

    @Test
    void aFetchCutShortByClosingIsNotRecordedAsAFailureAndLeavesThePlaceToOthers() throws Exception {
        FindWeatherService closing = service(TIMEOUT);
        CountDownLatch release = provider.holdAnswers();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Answer> cut = pool.submit(() -> one(closing, PARIS));
            assertThat(provider.entered.await(5, TimeUnit.SECONDS)).isTrue();

            closing.close();

            assertThat(cut.get(10, TimeUnit.SECONDS).weather()).isEmpty();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(store.saves()).isZero();
        assertThat(store.claimed(WeatherPlace.of(PARIS).orElseThrow())).isFalse();
        assertThat(one(service(TIMEOUT), PARIS).weather()).isPresent();
    }

    @Test
    void aDatabaseThatFailsGivesAnAnswerWithoutWeatherNotAFailure() {
        WeatherStore down = new WeatherStore() {
            @Override
            public Optional<Stored> find(WeatherPlace place) {
                throw new StorageUnavailableException("the database is down", null);
            }

            @Override
            public boolean claim(WeatherPlace place, Instant now, Instant until) {
                throw new StorageUnavailableException("the database is down", null);
            }

            @Override
            public void save(Stored stored) {
                throw new StorageUnavailableException("the database is down", null);
            }

            @Override
            public void release(WeatherPlace place, Instant until) {
                throw new StorageUnavailableException("the database is down", null);
            }

            @Override
            public List<Address> placesAwaitingDelivery(int limit) {
                throw new StorageUnavailableException("the database is down", null);
            }
        };
        FindWeatherService weather = track(new FindWeatherService(Optional.of(provider), down, MAX_AGE, TIMEOUT,
                clock));

        assertThat(one(weather, PARIS).unavailable()).contains("weather is unavailable");
        assertThat(provider.calls()).isZero();
    }

    @Test
    void turnedOffItAnswersSoWithoutAskingAnyone() {
        FindWeatherService weather = track(new FindWeatherService(Optional.empty(), store, MAX_AGE, TIMEOUT, clock));

        assertThat(weather.at(List.of(PARIS, Address.NONE))).extracting(Answer::unavailable)
                .containsExactly(Optional.of("weather is turned off"), Optional.of("weather is turned off"));
        assertThat(store.saves()).isZero();
    }

    @Test
    void aRefreshFetchesThePlacesOfParcelsUnderWayThatAreDueAndNoOthers() {
        FindWeatherService one = service(TIMEOUT);
        FindWeatherService other = service(TIMEOUT);
        store.awaitingDelivery(List.of(PARIS, BRUSSELS, LONDON_NO_ZIP));
        one(other, BRUSSELS); // fetched by a lookup, elsewhere

        assertThat(one.refresh()).isEqualTo(2);
        assertThat(provider.calls).containsOnlyKeys("FR 75001", "BE 1000", "GB city london");
        assertThat(provider.calls()).isEqualTo(3);
        assertThat(other.refresh()).isZero();
        one(other, PARIS); // from the database, which the refresh filled
        assertThat(provider.calls()).isEqualTo(3);

        clock.advance(MAX_AGE);
        assertThat(other.refresh()).isEqualTo(3);
        assertThat(one.refresh()).isZero();
        assertThat(provider.calls()).isEqualTo(6);
    }

    @Test
    void countsTheProvidersCallsItsFailuresAndTheAnswersWithoutWeatherByReason() {
        CountingMetrics metrics = new CountingMetrics();
        FindWeatherService weather = track(new FindWeatherService(Optional.of(provider), store, MAX_AGE, TIMEOUT,
                clock, metrics));
        weather.at(List.of(PARIS, PARIS, Address.NONE));
        provider.answer = place -> {
            throw new WeatherUnreachableException("connection refused", null);
        };
        one(weather, BRUSSELS);

        assertThat(metrics.count("waybill.weather.provider.calls")).isEqualTo(2);
        assertThat(metrics.count("waybill.weather.provider.failures")).isEqualTo(1);
        assertThat(metrics.count("waybill.weather.answers.unavailable{reason=no_receiver_address}")).isEqualTo(1);
        assertThat(metrics.count("waybill.weather.answers.unavailable{reason=provider_unreachable}")).isEqualTo(1);

        FindWeatherService off = track(new FindWeatherService(Optional.empty(), store, MAX_AGE, TIMEOUT, clock,
                metrics));
        off.at(List.of(PARIS, BRUSSELS));
        assertThat(metrics.count("waybill.weather.answers.unavailable{reason=weather_is_turned_off}")).isEqualTo(2);
    }

    @Test
    void aRefreshWithWeatherTurnedOffAsksNothing() {
        store.awaitingDelivery(List.of(PARIS));
        FindWeatherService weather = track(new FindWeatherService(Optional.empty(), store, MAX_AGE, TIMEOUT, clock));

        assertThat(weather.refresh()).isZero();
        assertThat(store.saves()).isZero();
    }

    private static Answer one(FindWeatherService weather, Address receiver) {
        List<Answer> answers = weather.at(List.of(receiver));
        assertThat(answers).hasSize(1);
        return answers.get(0);
    }

    private FindWeatherService service(Duration timeout) {
        return track(new FindWeatherService(Optional.of(provider), store, MAX_AGE, timeout, clock));
    }

    private FindWeatherService track(FindWeatherService service) {
        services.add(service);
        return service;
    }

    /** Answers overcast in Paris and everywhere else, counting calls by place; can hold its answers. */
    private static final class CountingProvider implements WeatherProvider {

        static final Location PARIS_AT = new Location(new Coordinates(48.86, 2.34), Optional.of("Paris"));

        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final List<Optional<Location>> knownLocations = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch hold = new CountDownLatch(0);
        volatile Function<WeatherPlace, Reading> answer = place -> new Reading(Optional.of(PARIS_AT),
                Optional.of(new Observation(4.5, WeatherCode.of(3), 12.0, OBSERVED)));

        CountDownLatch holdAnswers() {
            hold = new CountDownLatch(1);
            return hold;
        }

        @Override
        public Reading current(WeatherPlace place, Optional<Location> known) {
            calls.computeIfAbsent(place.key(), key -> new AtomicInteger()).incrementAndGet();
            knownLocations.add(known);
            entered.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WeatherUnreachableException("interrupted", e);
            }
            return answer.apply(place);
        }

        int calls(String key) {
            AtomicInteger count = calls.get(key);
            return count == null ? 0 : count.get();
        }

        int calls() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }
}
