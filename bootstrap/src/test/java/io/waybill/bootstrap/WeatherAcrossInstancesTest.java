package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingClient.Caller.PUBLIC;
import static io.waybill.bootstrap.TrackingClient.Caller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.HttpSettings;
import io.waybill.bootstrap.TrackingClient.Response;
import io.waybill.application.contract.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The two-hour rule across a cluster (issue 13's proof 2): two instances on one PostgreSQL and Redis, 1,000 lookups
 * over 50 shipments in 10 places from 8 clients at once, each place looked up on both instances, make exactly 10
 * forecast calls; once the clock has moved past the max age, exactly 10 more. (The shipments are registered first
 * with weather off, so that no fetch happens before the lookups race.)
 */
class WeatherAcrossInstancesTest {

    private static final String KEY = "weather-staff-key-0123456789abcdef";
    private static final Duration MAX_AGE = Duration.ofHours(2);
    private static final int PLACES = 10;
    private static final int SHIPMENTS = 50;
    private static final int LOOKUPS = 1000;

    private final TestDatabase database = TestDatabase.postgres();
    private final TestRedis redis = TestRedis.connect();
    private final FakeOpenMeteo openMeteo = new FakeOpenMeteo();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));

    @AfterEach
    void cleanUp() throws Exception {
        try (TestDatabase schema = database; TestRedis keys = redis; FakeOpenMeteo provider = openMeteo) {
            // closed in reverse order
        }
    }

    @Test
    void twoInstancesFetchEachPlaceOncePerMaxAge() throws Exception {
        for (int place = 0; place < PLACES; place++) {
            openMeteo.place("Town " + place, "DE", 48.0 + place * 0.5, 8.0 + place * 0.5, 3, 5.0 + place);
        }
        List<String> numbers = new ArrayList<>();
        try (Waybill registering = Waybill.start(config().withWeather(WeatherSettings.OFF))) {
            for (int i = 0; i < SHIPMENTS; i++) {
                numbers.add(register(client(registering), i));
            }
        }
        try (Waybill one = Waybill.start(config()); Waybill other = Waybill.start(config())) {
            // Their refresh job runs at once, too, racing the lookups for the places: still one fetch each.
            List<TrackingClient> clients = List.of(client(one), client(other));

            Map<String, Integer> first = lookUp(clients, numbers);

            assertThat(first).hasSize(PLACES).allSatisfy((town, seen) -> assertThat(seen).isEqualTo(LOOKUPS / PLACES));
            assertThat(openMeteo.forecastCalls()).isEqualTo(PLACES);
            for (int place = 0; place < PLACES; place++) {
                assertThat(openMeteo.forecastCalls("Town " + place)).isEqualTo(1);
            }

            clock.advance(MAX_AGE.plusSeconds(1));
            lookUp(clients, numbers);

            assertThat(openMeteo.forecastCalls()).isEqualTo(2 * PLACES);
        }
    }

    /**
     * 1,000 lookups from 8 clients at once, each place's shipments looked up on both instances in turn; how often each
     * town's weather was answered.
     */
    private static Map<String, Integer> lookUp(List<TrackingClient> clients, List<String> numbers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < LOOKUPS; i++) {
                TrackingClient client = clients.get(i / PLACES % clients.size());
                String number = numbers.get(i % numbers.size());
                answers.add(pool.submit(() -> client.get("/api/v1/shipments/" + number + "?carrier=DHL", PUBLIC)));
            }
            Map<String, Integer> towns = new HashMap<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                towns.merge(response.json().get("weather").get("place").get("city").asText(), 1, Integer::sum);
            }
            return towns;
        } finally {
            pool.shutdownNow();
        }
    }

    // Shipment i goes to place i % 10: a zip the geocoder does not know, in a town it finds by name.
    private static String register(TrackingClient client, int i) {
        String number = "TN%08d".formatted(70_000_000 + i);
        Response created = client.post("/api/v1/shipments", """
                {"tracking_number": "%s", "carrier": "DHL",
                 "receiver": {"name": "Ann", "address": {"zip": "%05d", "city": "Town %d", "country": "DE"}}}
                """.formatted(number, 60_000 + i % PLACES, i % PLACES), STAFF);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return number;
    }

    private WaybillConfig config() {
        return WaybillConfig.fromEnvironmentWithoutHttp(database.environment())
                .withCache(redis.cacheSettings())
                .withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY)))
                // every answer waits for its weather here, so that each shows which town it is for
                .withWeather(WeatherSettings.openMeteo(openMeteo.uri(), openMeteo.uri())
                        .withTimeout(Duration.ofSeconds(10)))
                .withClock(clock);
    }

    private static TrackingClient client(Waybill instance) {
        return new TrackingClient(instance.httpPort().orElseThrow(), KEY);
    }
}
