package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingClient.Caller.PUBLIC;
import static io.waybill.bootstrap.TrackingClient.Caller.STAFF;
import static io.waybill.bootstrap.TrackingClient.Route.PATH;
import static io.waybill.bootstrap.TrackingClient.Route.POST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.application.contract.Poll;
import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.bootstrap.TrackingClient.Response;
import io.waybill.domain.Address;
import io.waybill.domain.CountryCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Weather at receivers through the real service on the embedded default, against a stand-in for Open-Meteo that
 * speaks its protocol (issue 13's proofs 3 and 4): both sample files' receivers resolved from recorded answers, a
 * provider down or slow never failing or holding a lookup.
 */
class WeatherEndToEndTest {

    private static final String KEY = "weather-staff-key-0123456789abcdef";
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final FakeOpenMeteo openMeteo = new FakeOpenMeteo();
    private Waybill waybill;
    private TrackingClient client;

    @AfterEach
    void stop() {
        try {
            if (waybill != null) {
                waybill.close();
            }
        } finally {
            openMeteo.close();
        }
    }

    @Test
    void everyReceiverOfBothSampleFilesHasItsWeatherFourDigitZipsIncluded() {
        start(Duration.ofSeconds(5));
        for (String file : List.of("seed_data.csv", "seed_data_variant.csv")) {
            Response imported = client.post("/api/v1/imports", "text/csv", ImportOverHttpTest.sample(file), STAFF);
            assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        }

        JsonNode shipments = client.get("/api/v1/shipments?limit=100", STAFF).json().get("shipments");

        Map<String, String> places = new TreeMap<>();
        for (JsonNode shipment : shipments) {
            JsonNode weather = shipment.get("weather");
            assertThat(weather.isObject()).as(shipment.toString()).isTrue();
            assertThat(shipment.get("weather_unavailable").isNull()).isTrue();
            JsonNode place = weather.get("place");
            places.put(place.get("country").asText() + " " + place.get("zip").asText(), place.get("city").asText());
            assertThat(weather.get("observed_at").asText()).isEqualTo("2025-12-06T19:00:00Z");
            assertThat(weather.get("condition").asText()).isNotBlank();
            assertThat(weather.get("fetched_at").asText()).isNotBlank();
        }
        assertThat(places).containsExactly(Map.entry("BE 1000", "Brussels"), Map.entry("DK 1050", "Copenhagen"),
                Map.entry("ES 28013", "Madrid"), Map.entry("FR 75001", "Paris"), Map.entry("NL 1016", "Amsterdam"));
        assertThat(openMeteo.forecastCalls()).isEqualTo(5);
        for (String city : places.values()) {
            assertThat(openMeteo.forecastCalls(city)).as(city).isEqualTo(1);
        }
        // Every lookup route carries the same weather, from what the service knows now.
        JsonNode viewed = client.lookUp(PATH, "TN12345678", "DHL", PUBLIC).json().get("weather");
        assertThat(client.lookUp(POST, "TN12345678", "DHL", PUBLIC).json().get("weather")).isEqualTo(viewed);
        assertThat(client.get("/shipment/", STAFF).json().findValues("weather")).contains(viewed);
        // And the library's facade, for a place it knows and one nobody has asked about yet.
        List<FindWeatherUseCase.Answer> answers = waybill.weatherAt(List.of(
                Address.of(null, "1000", "Brussels", CountryCode.of("BE")),
                Address.of(null, "10115", "Atlantis", CountryCode.of("DE"))));
        assertThat(answers.get(0).weather().orElseThrow().city()).contains("Brussels");
        assertThat(answers.get(1).unavailable()).contains("place not found");
        assertThat(openMeteo.forecastCalls()).isEqualTo(5);
    }

    @Test
    void aProviderThatIsDownGivesAnswersWithTheReasonNotFailures() {
        start(TIMEOUT);
        openMeteo.fail(); // before the import, so that the refresh cannot fetch it first
        importSeed();

        Response answer = client.lookUp(PATH, "TN12345678", "DHL", PUBLIC);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("weather").isNull()).isTrue();
        assertThat(answer.json().get("weather_unavailable").asText()).isEqualTo("provider unreachable");
        int calls = openMeteo.geocodingCalls() + openMeteo.forecastCalls();
        assertThat(client.lookUp(POST, "TN12345678", "DHL", STAFF).json().get("weather_unavailable").asText())
                .isEqualTo("provider unreachable");
        assertThat(openMeteo.geocodingCalls() + openMeteo.forecastCalls()).as("backing off").isEqualTo(calls);
    }

    @Test
    void aProviderThatDropsConnectionsGivesAnswersWithTheReasonNotFailures() {
        start(TIMEOUT);
        openMeteo.dropConnections();
        importSeed();

        Response answer = client.lookUp(PATH, "TN12345678", "DHL", STAFF);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("weather_unavailable").asText()).isEqualTo("provider unreachable");
    }

    @Test
    void aSlowProviderDoesNotHoldALookupAndTheNextLookupHasTheWeather() {
        start(TIMEOUT);
        openMeteo.slow(Duration.ofSeconds(5));
        importSeed();

        long started = System.nanoTime();
        Response first = client.lookUp(PATH, "TN12345678", "DHL", PUBLIC);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("weather_unavailable").asText()).isEqualTo("weather is being fetched");
        assertThat(took).isBetween(TIMEOUT, TIMEOUT.plusSeconds(1));
        Poll.until("the fetch has completed", () -> openMeteo.forecastCalls() == 1
                && client.lookUp(PATH, "TN12345678", "DHL", PUBLIC).json().get("weather").isObject(),
                Duration.ofSeconds(15));
        assertThat(openMeteo.forecastCalls()).isEqualTo(1);
    }

    @Test
    void aServiceStartedBesideParcelsUnderWayFetchesTheirWeatherWithoutALookup() {
        WaybillConfig database = WaybillConfig.embedded().withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY)));
        waybill = Waybill.start(database);
        client = new TrackingClient(waybill.httpPort().orElseThrow(), KEY);
        importSeed(); // weather off: nothing fetched
        waybill.close();
        assertThat(openMeteo.forecastCalls()).isZero();

        waybill = Waybill.start(database.withWeather(
                WeatherSettings.openMeteo(openMeteo.uri(), openMeteo.uri()).withTimeout(TIMEOUT)));

        // The seed's five shipments are all under way ("delivery" is out for delivery), each to a place of its own.
        Poll.until("the refresh has fetched every place of a parcel under way",
                () -> openMeteo.forecastCalls() == 5, Duration.ofSeconds(30));
        client = new TrackingClient(waybill.httpPort().orElseThrow(), KEY);
        assertThat(client.lookUp(PATH, "TN12345678", "DHL", PUBLIC).json().get("weather").isObject()).isTrue();
        assertThat(openMeteo.forecastCalls()).isEqualTo(5);
    }

    private void importSeed() {
        Response imported = client.post("/api/v1/imports", "text/csv", ImportOverHttpTest.sample("seed_data.csv"),
                STAFF);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    }

    private void start(Duration timeout) {
        WeatherSettings weather = WeatherSettings.openMeteo(openMeteo.uri(), openMeteo.uri()).withTimeout(timeout);
        waybill = Waybill.start(WaybillConfig.embedded().withWeather(weather)
                .withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY))));
        client = new TrackingClient(waybill.httpPort().orElseThrow(), KEY);
    }
}
