package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.contract.Concurrently;
import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.application.port.out.WeatherProvider.Location;
import io.waybill.application.port.out.WeatherStore;
import io.waybill.application.port.out.WeatherStore.Outcome;
import io.waybill.application.port.out.WeatherStore.Stored;
import io.waybill.application.contract.StoredShipments;
import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Party;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingEvent;
import io.waybill.domain.weather.Coordinates;
import io.waybill.domain.weather.Weather;
import io.waybill.domain.weather.WeatherCode;
import io.waybill.domain.weather.WeatherPlace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The weather store on a database: what it keeps of a fetch, and claims that exactly one caller gets, across threads
 * and instances on one database. Subclasses say which database.
 */
abstract class WeatherStoreContract {

    // Microseconds, which both databases keep.
    private static final Instant T0 = Instant.parse("2026-12-06T10:15:30.123456Z");
    private static final Duration CLAIM = Duration.ofSeconds(30);
    private static final Duration MAX_AGE = Duration.ofHours(2);
    private static final int RACERS = 16;

    private static final WeatherPlace PARIS = place("FR", "75001", null);
    private static final WeatherPlace LONDON = place("GB", null, "London");

    @RegisterExtension
    final DatabasePerTest database = new DatabasePerTest(this::newDatabase);

    abstract DatabaseSettings newDatabase() throws Exception;

    @Test
    void keepsEveryFieldOfEachOutcome() {
        WeatherStore store = store();
        Stored found = new Stored(PARIS, Optional.of(new Location(new Coordinates(48.8566, 2.3522), Optional.of("Paris"))),
                Optional.of(new Weather(PARIS, Optional.of("Paris 1er"), -12.5, WeatherCode.of(95), 61.25,
                        T0.minusSeconds(900), T0)),
                Outcome.FOUND, T0.plus(MAX_AGE), 0);
        WeatherPlace sydney = place("AU", "2000", "Sydney");
        Stored unreachable = new Stored(sydney,
                Optional.of(new Location(new Coordinates(-33.8688, 151.2093), Optional.empty())),
                Optional.of(new Weather(sydney, Optional.empty(), 31.0, WeatherCode.of(0), 0.0, T0.minusMillis(1),
                        T0.plusNanos(1_000))),
                Outcome.UNREACHABLE, T0.plusSeconds(60), 3);
        Stored notFound = new Stored(LONDON, Optional.empty(), Optional.empty(), Outcome.NOT_FOUND, T0.plus(MAX_AGE), 0);

        List.of(found, unreachable, notFound).forEach(store::save);

        assertThat(store.find(PARIS)).hasValue(found);
        assertThat(store.find(sydney)).hasValue(unreachable);
        assertThat(store.find(LONDON)).hasValue(notFound);
        assertThat(store().find(PARIS)).as("another instance").hasValue(found);
    }

    @Test
    void keepsTimesToTheMicrosecond() {
        WeatherStore store = store();
        Instant nanos = Instant.parse("2026-12-06T10:15:30.123456789Z");

        store.save(new Stored(PARIS, Optional.empty(), Optional.of(weather(PARIS, nanos)), Outcome.FOUND, nanos, 0));

        Instant micros = Instant.parse("2026-12-06T10:15:30.123456Z");
        Stored stored = store.find(PARIS).orElseThrow();
        assertThat(stored.goodUntil()).isEqualTo(micros);
        assertThat(stored.weather().orElseThrow().observedAt()).isEqualTo(micros);
        assertThat(stored.weather().orElseThrow().fetchedAt()).isEqualTo(micros);
    }

    @Test
    void aSaveReplacesWhatWasStored() {
        WeatherStore store = store();
        Location location = new Location(new Coordinates(48.86, 2.34), Optional.of("Paris"));
        store.save(found(PARIS, T0));
        Stored unreachable = new Stored(PARIS, Optional.of(location), Optional.of(weather(PARIS, T0)),
                Outcome.UNREACHABLE, T0.plusSeconds(120), 2);
        store.save(unreachable);

        assertThat(store.find(PARIS)).hasValue(unreachable);

        Stored notFound = new Stored(PARIS, Optional.empty(), Optional.empty(), Outcome.NOT_FOUND, T0.plus(MAX_AGE), 0);
        store.save(notFound);

        assertThat(store.find(PARIS)).hasValue(notFound);
        assertThat(count("SELECT count(*) FROM weather_places")).isOne();
    }

    @Test
    void nothingIsStoredForAnUnknownPlaceNorForOneOnlyClaimed() {
        WeatherStore store = store();

        assertThat(store.find(PARIS)).isEmpty();

        assertThat(store.claim(PARIS, T0, T0.plus(CLAIM))).isTrue();

        assertThat(store.find(PARIS)).isEmpty();
        assertThat(count("SELECT count(*) FROM weather_places WHERE outcome IS NULL")).isOne();
    }

    @Test
    void aClaimHoldsUntilItsEnd() {
        WeatherStore store = store();
        Instant until = T0.plus(CLAIM);

        assertThat(store.claim(PARIS, T0, until)).isTrue();
        assertThat(store.claim(PARIS, T0, until)).isFalse();
        assertThat(store().claim(PARIS, until.minusNanos(1_000), until.plus(CLAIM))).as("another instance").isFalse();
        assertThat(store.claim(PARIS, until, until.plus(CLAIM))).as("at its end").isTrue();
        assertThat(store.claim(PARIS, until.plus(CLAIM).plusSeconds(1), until.plus(CLAIM.multipliedBy(2))))
                .as("after its end").isTrue();
    }

    @Test
    void storedWeatherIsClaimedOnlyWhenDue() {
        WeatherStore store = store();
        Instant goodUntil = T0.plus(MAX_AGE);
        store.save(found(PARIS, T0));

        assertThat(store.claim(PARIS, T0, T0.plus(CLAIM))).isFalse();
        assertThat(store.claim(PARIS, goodUntil.minusNanos(1_000), goodUntil.plus(CLAIM))).isFalse();
        assertThat(store.claim(PARIS, goodUntil, goodUntil.plus(CLAIM))).as("at its end").isTrue();
        assertThat(store.find(PARIS)).as("a claim leaves what is stored").hasValue(found(PARIS, T0));
    }

    @Test
    void aSaveReleasesTheClaim() {
        WeatherStore store = store();
        assertThat(store.claim(PARIS, T0, T0.plus(CLAIM))).isTrue();

        // Due at once, as after a failure without back-off: only the claim could stop the next one.
        store.save(new Stored(PARIS, Optional.empty(), Optional.empty(), Outcome.UNREACHABLE, T0, 1));

        assertThat(count("SELECT count(*) FROM weather_places WHERE claimed_until IS NULL")).isOne();
        assertThat(store.claim(PARIS, T0, T0.plus(CLAIM))).isTrue();
    }

    @Test
    void ofRacingClaimersExactlyOneGetsTheClaim() throws Exception {
        WeatherStore store = store();
        store.save(found(LONDON, T0));
        Instant due = T0.plus(MAX_AGE);

        assertThat(race(Collections.nCopies(RACERS, store), PARIS, T0)).as("nothing stored").containsOnlyOnce(true);
        assertThat(race(Collections.nCopies(RACERS, store), LONDON, due)).as("stored and due").containsOnlyOnce(true);
    }

    @Test
    void ofClaimersOfTwoInstancesExactlyOneGetsTheClaim() throws Exception {
        List<WeatherStore> stores = List.of(store(), store());
        List<WeatherStore> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racers.add(stores.get(i % 2));
        }

        assertThat(race(racers, PARIS, T0)).containsOnlyOnce(true);
        assertThat(race(racers, LONDON, T0)).containsOnlyOnce(true);
    }

    @Test
    void placesOfOtherKeysAreOtherRowsAndSpellingsOfOneKeyOne() {
        WeatherStore store = store();
        WeatherPlace dallas = place("US", "75001", null);
        WeatherPlace parisByCity = place("FR", null, "Paris");
        store.save(found(PARIS, T0));

        assertThat(store.find(dallas)).isEmpty();
        assertThat(store.find(parisByCity)).isEmpty();
        assertThat(store.claim(dallas, T0, T0.plus(CLAIM))).isTrue();
        assertThat(store.claim(parisByCity, T0, T0.plus(CLAIM))).isTrue();

        WeatherPlace spelledOtherwise = place("FR", " 75 001 ", "PARIS");
        assertThat(store.find(spelledOtherwise)).as("the place as saved").hasValue(found(PARIS, T0));
        assertThat(store.claim(spelledOtherwise, T0, T0.plus(CLAIM))).isFalse();
        assertThat(count("SELECT count(*) FROM weather_places")).isEqualTo(3);
    }

    @Test
    void aFailingDatabaseIsUnavailableStorage() {
        WeatherStore store = store();
        TestDatabases.dropTable(database.settings(), "weather_places");

        assertThatThrownBy(() -> store.find(PARIS)).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> store.claim(PARIS, T0, T0.plus(CLAIM))).isInstanceOf(StorageUnavailableException.class);
        assertThatThrownBy(() -> store.save(found(PARIS, T0))).isInstanceOf(StorageUnavailableException.class);
    }

    // Each racer claims the place once, all released together; their answers.
    @Test
    void aReleasedClaimLetsAnotherClaimAtOnceButOnlyTheClaimersOwnIsReleased() {
        WeatherStore store = store();
        Instant until = T0.plus(CLAIM);
        assertThat(store.claim(PARIS, T0, until)).isTrue();

        store.release(PARIS, until.plusSeconds(1)); // not this claim: a later one, taken by another instance
        assertThat(store.claim(PARIS, T0, until)).isFalse();
        store.release(PARIS, until);

        assertThat(store.claim(PARIS, T0.plusSeconds(1), until.plusSeconds(1))).isTrue();
        assertThat(store.find(PARIS)).isEmpty();
    }

    @Test
    void placesAwaitingDeliveryAreTheReceiversOfShipmentsNotFinalTheMostShipmentsFirst() {
        Persistence persistence = open();
        WeatherStore store = persistence.weather();
        Address kualaLumpur = new Address(Optional.empty(), Optional.of("50450"), Optional.of("Kuala Lumpur"),
                Optional.of(CountryCode.of("MY")));
        Address berlin = Address.of(null, "10115", "Berlin", CountryCode.of("DE"));
        Address paris = Address.of(null, "75001", "Paris", CountryCode.of("FR"));
        persistence.shipments().registerAll(List.of(
                StoredShipments.full(StoredShipments.key("TN00000001", "DHL"), T0), // to Kuala Lumpur, in transit
                StoredShipments.full(StoredShipments.key("TN00000002", "DHL"), T0),
                goingTo(StoredShipments.key("TN00000003", "DHL"), berlin, ShipmentStatus.IN_TRANSIT),
                goingTo(StoredShipments.key("TN00000004", "DHL"), paris, ShipmentStatus.DELIVERED),
                goingTo(StoredShipments.key("TN00000005", "UPS"), paris, ShipmentStatus.RETURNED_TO_SENDER),
                StoredShipments.bare(StoredShipments.key("TN00000006", "DHL"), T0))); // no receiver

        assertThat(store.placesAwaitingDelivery(10)).containsExactly(kualaLumpur, berlin);
        assertThat(store.placesAwaitingDelivery(1)).containsExactly(kualaLumpur);
    }

    private static Shipment goingTo(ShipmentKey key, Address receiver, ShipmentStatus status) {
        ShipmentDetails details = new ShipmentDetails(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new Party(Optional.empty(), Optional.of("Ann"), receiver, Optional.empty())), List.of(),
                true);
        List<TrackingEvent> history = Stream.of(ShipmentStatus.RECEIVED, ShipmentStatus.IN_TRANSIT, status)
                .distinct()
                .map(step -> StoredShipments.event("ev-" + step.code(), T0.atOffset(ZoneOffset.UTC), step))
                .toList();
        return Shipment.register(key, details, history, T0);
    }

    private static List<Boolean> race(List<WeatherStore> racers, WeatherPlace place, Instant now) throws Exception {
        CyclicBarrier start = new CyclicBarrier(racers.size());
        List<Callable<Boolean>> claims = racers.stream().<Callable<Boolean>>map(store -> () -> {
            start.await(10, TimeUnit.SECONDS);
            return store.claim(place, now, now.plus(CLAIM));
        }).toList();
        return Concurrently.runAll(claims);
    }

    private static Stored found(WeatherPlace place, Instant fetchedAt) {
        return new Stored(place, Optional.of(new Location(new Coordinates(51.5, -0.12), Optional.empty())),
                Optional.of(weather(place, fetchedAt)), Outcome.FOUND, fetchedAt.plus(MAX_AGE), 0);
    }

    private static Weather weather(WeatherPlace place, Instant fetchedAt) {
        return new Weather(place, Optional.empty(), 7.5, WeatherCode.of(3), 12.0, fetchedAt, fetchedAt);
    }

    private static WeatherPlace place(String country, String zip, String city) {
        return new WeatherPlace(new CountryCode(country), Optional.ofNullable(zip), Optional.ofNullable(city));
    }

    private WeatherStore store() {
        return open().weather();
    }

    private Persistence open() {
        return database.open(Clock.fixed(T0, ZoneOffset.UTC));
    }

    private int count(String query) {
        return TestDatabases.jdbi(database.settings())
                .withHandle(handle -> handle.createQuery(query).mapTo(Integer.class).one());
    }
}
