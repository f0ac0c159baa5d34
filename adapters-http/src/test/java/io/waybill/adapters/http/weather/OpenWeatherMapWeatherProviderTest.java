package io.waybill.adapters.http.weather;

import static io.waybill.adapters.http.weather.OpenMeteoWeatherProviderTest.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.waybill.application.port.out.WeatherProvider;
import io.waybill.application.port.out.WeatherProvider.Location;
import io.waybill.application.port.out.WeatherProvider.Reading;
import io.waybill.application.port.out.WeatherUnreachableException;
import io.waybill.domain.weather.Coordinates;
import io.waybill.domain.weather.WeatherCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenWeatherMapWeatherProviderTest {

    static final String KEY = "0123456789abcdef0123456789abcdef";

    private final StubServer stub = new StubServer();
    private final WeatherProvider provider = WeatherProviders.openWeatherMap(stub.uri(), KEY, Duration.ofSeconds(5));

    @AfterEach
    void close() {
        stub.close();
    }

    static String answer(int id, double temperature, double windMetresPerSecond) {
        return String.format(Locale.ROOT, "{\"coord\":{\"lon\":2.35,\"lat\":48.86},\"weather\":[{\"id\":%d,"
                        + "\"main\":\"Clear\",\"description\":\"clear sky\",\"icon\":\"01d\"}],\"base\":\"stations\","
                        + "\"main\":{\"temp\":%s,\"feels_like\":3.1,\"pressure\":1021,\"humidity\":80},"
                        + "\"visibility\":10000,\"wind\":{\"speed\":%s,\"deg\":230},\"clouds\":{\"all\":0},"
                        + "\"dt\":1765047600,\"sys\":{\"country\":\"FR\"},\"timezone\":3600,\"id\":2988507,"
                        + "\"name\":\"Paris\",\"cod\":200}",
                id, temperature, windMetresPerSecond);
    }

    @Test
    void asksByZipAndCountryInMetricUnits() {
        stub.on("/data/2.5/weather", 200, answer(800, 5.2, 3.1));

        Reading reading = provider.current(place("FR", "75001", "Paris"), Optional.empty());

        assertThat(reading.location()).contains(new Location(new Coordinates(48.86, 2.35), Optional.of("Paris")));
        WeatherProvider.Observation observation = reading.observation().orElseThrow();
        assertThat(observation.temperatureC()).isEqualTo(5.2);
        assertThat(observation.code()).isEqualTo(WeatherCode.of(0));
        assertThat(observation.observedAt()).isEqualTo(Instant.ofEpochSecond(1_765_047_600));
        assertThat(stub.requests()).singleElement().satisfies(uri -> {
            assertThat(uri.getPath()).isEqualTo("/data/2.5/weather");
            assertThat(uri.getRawQuery()).isEqualTo("zip=75001,FR&appid=" + KEY + "&units=metric");
        });
    }

    @Test
    void aPlaceWithoutAZipIsAskedByCity() {
        stub.on("/data/2.5/weather", 200, answer(500, 9.0, 2.0));

        provider.current(place("NL", null, "Den Haag"), Optional.empty());

        assertThat(stub.requests().get(0).getRawQuery()).isEqualTo("q=Den%20Haag,NL&appid=" + KEY + "&units=metric");
    }

    @Test
    void aFourDigitZipIsAskedAsItIs() {
        stub.on("/data/2.5/weather", 200, answer(803, 4.0, 5.0));

        provider.current(place("DK", "1050", "Copenhagen"), Optional.empty());

        assertThat(stub.requests().get(0).getRawQuery()).startsWith("zip=1050,DK&");
    }

    @Test
    void windInMetresPerSecondIsGivenInKilometresPerHour() {
        stub.on("/data/2.5/weather", 200, answer(800, 5.2, 10.0));

        assertThat(provider.current(place("FR", "75001", null), Optional.empty()).observation().orElseThrow().windKmh())
                .isCloseTo(36.0, within(1e-9));
    }

    @Test
    void cityNotFoundIsNotFound() {
        stub.on("/data/2.5/weather", 404, "{\"cod\":\"404\",\"message\":\"city not found\"}");

        assertThat(provider.current(place("FR", "00000", null), Optional.empty())).isEqualTo(Reading.NOT_FOUND);
    }

    @Test
    void aConditionMapsToItsWmoCode() {
        stub.on("/data/2.5/weather", 200, answer(602, -3.0, 6.0));

        WeatherCode code = provider.current(place("NO", "0150", null), Optional.empty()).observation().orElseThrow()
                .code();

        assertThat(code).isEqualTo(WeatherCode.of(75));
        assertThat(code.severe()).isTrue();
    }

    @Test
    void anUnknownConditionIsNotWeather() {
        stub.on("/data/2.5/weather", 200, answer(999, 5.0, 1.0));

        assertThatThrownBy(() -> provider.current(place("FR", "75001", null), Optional.empty()))
                .isInstanceOf(WeatherUnreachableException.class)
                .hasMessage("OpenWeatherMap answered with what is not weather: an unknown condition id 999");
    }

    @Test
    void aBaseUrlWithAPathPrefixKeepsIt() {
        stub.on("/data/2.5/weather", 200, answer(801, 5.0, 1.0));
        WeatherProvider proxied =
                WeatherProviders.openWeatherMap(stub.uri().resolve("/owm"), KEY, Duration.ofSeconds(5));

        proxied.current(place("FR", "75001", null), Optional.empty());

        assertThat(stub.paths()).containsExactly("/owm/data/2.5/weather");
    }

    @Test
    void aBlankKeyIsRefusedAtOnce() {
        assertThatThrownBy(() -> WeatherProviders.openWeatherMap(stub.uri(), " ", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
