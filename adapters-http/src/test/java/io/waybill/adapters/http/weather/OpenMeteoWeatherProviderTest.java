package io.waybill.adapters.http.weather;

import static io.waybill.adapters.http.weather.OpenMeteoAnswers.NO_RESULTS;
import static io.waybill.adapters.http.weather.OpenMeteoAnswers.forecast;
import static io.waybill.adapters.http.weather.OpenMeteoAnswers.result;
import static io.waybill.adapters.http.weather.OpenMeteoAnswers.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.waybill.application.port.out.WeatherProvider;
import io.waybill.application.port.out.WeatherProvider.Location;
import io.waybill.application.port.out.WeatherProvider.Reading;
import io.waybill.domain.CountryCode;
import io.waybill.domain.weather.Coordinates;
import io.waybill.domain.weather.WeatherCode;
import io.waybill.domain.weather.WeatherPlace;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenMeteoWeatherProviderTest {

    private final StubServer stub = new StubServer();
    private final WeatherProvider provider = WeatherProviders.openMeteo(stub.uri(), stub.uri(), Duration.ofSeconds(5));

    @AfterEach
    void close() {
        stub.close();
    }

    static WeatherPlace place(String country, String zip, String city) {
        return new WeatherPlace(CountryCode.of(country), Optional.ofNullable(zip), Optional.ofNullable(city));
    }

    /** Answers searches by their name parameter; names it was not given find nothing. */
    private void searches(Map<String, String> answersByName) {
        stub.on("/v1/search", uri -> new StubServer.Canned(200,
                answersByName.getOrDefault(parameter(uri, "name"), NO_RESULTS)));
    }

    private static String parameter(URI uri, String name) {
        for (String pair : uri.getQuery().split("&")) { // getQuery decodes
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Test
    void geocodesTheZipThenAsksTheForecastThere() {
        searches(Map.of("75001", search(result("Paris", 48.85341, 2.3488, "FR"))));
        stub.on("/v1/forecast", 200, forecast(5.1, 3, 12.3, 1_765_047_600));

        Reading reading = provider.current(place("FR", "75001", "Paris"), Optional.empty());

        assertThat(reading.location()).contains(new Location(new Coordinates(48.85341, 2.3488), Optional.of("Paris")));
        WeatherProvider.Observation observation = reading.observation().orElseThrow();
        assertThat(observation.temperatureC()).isEqualTo(5.1);
        assertThat(observation.code()).isEqualTo(WeatherCode.of(3));
        assertThat(observation.windKmh()).isEqualTo(12.3);
        assertThat(observation.observedAt()).isEqualTo(Instant.ofEpochSecond(1_765_047_600));
        List<URI> requests = stub.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getRawQuery())
                .isEqualTo("name=75001&countryCode=FR&count=10&language=en&format=json");
        assertThat(requests.get(1).getPath()).isEqualTo("/v1/forecast");
        assertThat(requests.get(1).getRawQuery()).isEqualTo("latitude=48.85341&longitude=2.3488"
                + "&current=temperature_2m,weather_code,wind_speed_10m&wind_speed_unit=kmh&timeformat=unixtime");
    }

    @Test
    void aZipTheGeocoderMissesFallsBackToTheCity() {
        searches(Map.of("Madrid", search(result("Madrid", 40.4165, -3.70256, "ES"))));
        stub.on("/v1/forecast", 200, forecast(11.0, 1, 4.0, 1_765_047_600));

        Reading reading = provider.current(place("ES", "28013", "Madrid"), Optional.empty());

        assertThat(reading.location().orElseThrow().coordinates()).isEqualTo(new Coordinates(40.4165, -3.70256));
        assertThat(reading.observation().orElseThrow().code()).isEqualTo(WeatherCode.of(1));
        assertThat(stub.requests()).extracting(uri -> parameter(uri, "name")).containsExactly("28013", "Madrid", null);
        assertThat(stub.requests().get(2).getRawQuery()).startsWith("latitude=40.4165&longitude=-3.70256&");
    }

    @Test
    void neitherZipNorCityFoundIsNotFoundWithoutAForecast() {
        stub.on("/v1/search", 200, "{\"results\":[],\"generationtime_ms\":0.3}");

        assertThat(provider.current(place("DK", "9999", "Nowhere"), Optional.empty())).isEqualTo(Reading.NOT_FOUND);

        assertThat(stub.paths()).containsExactly("/v1/search", "/v1/search");
    }

    @Test
    void aZipMissedWithoutACityIsNotFound() {
        searches(Map.of());

        assertThat(provider.current(place("BE", "1000", null), Optional.empty())).isEqualTo(Reading.NOT_FOUND);

        assertThat(stub.paths()).containsExactly("/v1/search");
    }

    @Test
    void aPlaceWithOnlyACityIsSearchedByTheCity() {
        searches(Map.of("London", search(result("London", 51.50853, -0.12574, "GB"))));
        stub.on("/v1/forecast", 200, forecast(9.0, 61, 20.0, 1_765_047_600));

        Reading reading = provider.current(place("GB", null, "London"), Optional.empty());

        assertThat(reading.location().orElseThrow().name()).contains("London");
        assertThat(stub.requests()).extracting(uri -> parameter(uri, "name")).containsExactly("London", null);
    }

    @Test
    void aKnownLocationSkipsGeocoding() {
        stub.on("/v1/forecast", 200, forecast(5.1, 3, 12.3, 1_765_047_600));
        Location known = new Location(new Coordinates(50.85045, 4.34878), Optional.of("Brussels"));

        Reading reading = provider.current(place("BE", "1000", "Brussels"), Optional.of(known));

        assertThat(reading.location()).contains(known);
        assertThat(stub.paths()).containsExactly("/v1/forecast");
        assertThat(stub.requests().get(0).getRawQuery()).startsWith("latitude=50.85045&longitude=4.34878&");
    }

    @Test
    void aResultInAnotherCountryIsIgnored() {
        // The geocoder honours countryCode, but nothing here relies on it: 75001 FR is never a US zip.
        searches(Map.of("75001", search(result("Addison", 32.96179, -96.82917, "US")),
                "Paris", search(result("Paris", 33.66094, -95.55551, "US"), result("Paris", 48.85341, 2.3488, "fr"))));
        stub.on("/v1/forecast", 200, forecast(5.1, 3, 12.3, 1_765_047_600));

        Reading reading = provider.current(place("FR", "75001", "Paris"), Optional.empty());

        assertThat(reading.location().orElseThrow().coordinates()).isEqualTo(new Coordinates(48.85341, 2.3488));
    }

    @Test
    void onlyResultsInAnotherCountryAreNotFound() {
        searches(Map.of("75001", search(result("Addison", 32.96179, -96.82917, "US"))));

        assertThat(provider.current(place("FR", "75001", null), Optional.empty())).isEqualTo(Reading.NOT_FOUND);
    }

    @ParameterizedTest
    @CsvSource({"BE, 1000, Brussels, 50.85045, 4.34878", "NL, 1016, Amsterdam, 52.37403, 4.88969",
            "DK, 1050, Copenhagen, 55.67594, 12.56553"})
    void fourDigitZipsAreZips(String country, String zip, String city, double latitude, double longitude) {
        searches(Map.of(zip, search(result(city, latitude, longitude, country))));
        stub.on("/v1/forecast", 200, forecast(4.0, 45, 8.0, 1_765_047_600));

        Reading reading = provider.current(place(country, zip, city), Optional.empty());

        assertThat(reading.location())
                .contains(new Location(new Coordinates(latitude, longitude), Optional.of(city)));
        assertThat(stub.requests().get(0).getRawQuery()).startsWith("name=" + zip + "&countryCode=" + country + "&");
    }

    @Test
    void namesAreEncoded() {
        searches(Map.of("Den Haag", search(result("The Hague", 52.07667, 4.29861, "NL")),
                "Zürich", search(result("Zurich", 47.36667, 8.55, "CH"))));
        stub.on("/v1/forecast", 200, forecast(4.0, 2, 8.0, 1_765_047_600));

        assertThat(provider.current(place("NL", null, "Den Haag"), Optional.empty()).location().orElseThrow().name())
                .contains("The Hague");
        assertThat(provider.current(place("CH", null, "Zürich"), Optional.empty()).location().orElseThrow().name())
                .contains("Zurich");

        assertThat(stub.requests()).extracting(URI::getRawQuery).filteredOn(query -> query.startsWith("name="))
                .containsExactly("name=Den%20Haag&countryCode=NL&count=10&language=en&format=json",
                        "name=Z%C3%BCrich&countryCode=CH&count=10&language=en&format=json");
    }

    @Test
    void aBaseUrlWithAPathPrefixKeepsIt() {
        searches(Map.of("1016", search(result("Amsterdam", 52.37403, 4.88969, "NL"))));
        stub.on("/v1/forecast", 200, forecast(4.0, 2, 8.0, 1_765_047_600));
        WeatherProvider proxied = WeatherProviders.openMeteo(
                stub.uri().resolve("/proxy/forecast/"), stub.uri().resolve("/proxy/geo"), Duration.ofSeconds(5));

        assertThat(proxied.current(place("NL", "1016", null), Optional.empty()).observation()).isPresent();

        assertThat(stub.paths()).containsExactly("/proxy/geo/v1/search", "/proxy/forecast/v1/forecast");
    }

    @Test
    void smallCoordinatesAreWrittenInFull() {
        stub.on("/v1/forecast", 200, forecast(20.0, 0, 3.0, 1_765_047_600));

        provider.current(place("GH", null, "Null Island"),
                Optional.of(new Location(new Coordinates(0.0001, -0.00005), Optional.empty())));

        assertThat(stub.requests().get(0).getRawQuery()).startsWith("latitude=0.0001&longitude=-0.00005&");
    }

    @Test
    void theTemperatureAndWindAreTakenWithinTheirRange() {
        stub.on("/v1/forecast", 200, forecast(-30.5, 75, 0.0, 1_765_047_600));
        Location known = new Location(new Coordinates(64.0, -21.9), Optional.empty());

        WeatherProvider.Observation observation =
                provider.current(place("IS", "101", null), Optional.of(known)).observation().orElseThrow();

        assertThat(observation.temperatureC()).isCloseTo(-30.5, within(1e-9));
        assertThat(observation.code().severe()).isTrue();
    }
}
