package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.adapters.http.weather.WeatherProviders;
import io.waybill.application.contract.Poll;
import io.waybill.application.port.out.WeatherProvider;
import io.waybill.application.port.out.WeatherProvider.Location;
import io.waybill.application.port.out.WeatherProvider.Reading;
import io.waybill.application.port.out.WeatherUnreachableException;
import io.waybill.domain.CountryCode;
import io.waybill.domain.weather.Coordinates;
import io.waybill.domain.weather.WeatherCode;
import io.waybill.domain.weather.WeatherPlace;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FakeOpenMeteoTest {

    private final FakeOpenMeteo fake = new FakeOpenMeteo();
    private final WeatherProvider provider = WeatherProviders.openMeteo(fake.uri(), fake.uri(), Duration.ofSeconds(5));

    @AfterEach
    void close() {
        fake.close();
    }

    private static WeatherPlace place(String country, String zip, String city) {
        return new WeatherPlace(CountryCode.of(country), Optional.ofNullable(zip), Optional.ofNullable(city));
    }

    /** The receivers of ../shared/data/seed_data.csv and seed_data_variant.csv, as their addresses give them. */
    @ParameterizedTest(name = "{1} {0} {2}")
    @CsvSource({"FR, 75001, Paris, 48.85341, 2.3488, 3, 1", "ES, 28013, Madrid, 40.4165, -3.70256, 0, 2",
            "BE, 1000, Brussels, 50.85045, 4.34878, 61, 1", "NL, 1016, Amsterdam, 52.37403, 4.88969, 80, 1",
            "DK, 1050, Copenhagen, 55.67594, 12.56553, 45, 2"})
    void everySamplePlaceResolves(String country, String zip, String city, double latitude, double longitude, int code,
            int searches) {
        Reading reading = provider.current(place(country, zip, city), Optional.empty());

        assertThat(reading.location())
                .contains(new Location(new Coordinates(latitude, longitude), Optional.of(city)));
        assertThat(reading.observation().orElseThrow().code()).isEqualTo(WeatherCode.of(code));
        assertThat(reading.observation().orElseThrow().observedAt())
                .isEqualTo(Instant.ofEpochSecond(FakeOpenMeteo.OBSERVED_AT));
        assertThat(fake.geocodingCalls()).isEqualTo(searches);
        assertThat(fake.geocodingCalls(zip, country)).isEqualTo(1);
        assertThat(fake.geocodingCalls(city, country)).isEqualTo(searches - 1); // the fallback, when the zip misses
        assertThat(fake.forecastCalls()).isEqualTo(1);
        assertThat(fake.forecastCalls(city)).isEqualTo(1);
    }

    @Test
    void countsEveryCallPerPlace() {
        for (int round = 0; round < 3; round++) {
            provider.current(place("FR", "75001", "Paris"), Optional.empty());
            provider.current(place("DK", "1050", "Copenhagen"), Optional.empty());
        }
        Location madrid = new Location(new Coordinates(40.4165, -3.70256), Optional.of("Madrid"));
        provider.current(place("ES", "28013", "Madrid"), Optional.of(madrid));

        assertThat(fake.forecastCalls()).isEqualTo(7);
        assertThat(fake.forecastCalls("Paris")).isEqualTo(3);
        assertThat(fake.forecastCalls("Copenhagen")).isEqualTo(3);
        assertThat(fake.forecastCalls("Madrid")).isEqualTo(1);
        assertThat(fake.forecastCalls("Brussels")).isZero();
        assertThat(fake.geocodingCalls()).isEqualTo(9);
        assertThat(fake.geocodingCalls("1050", "dk")).isEqualTo(3);
        assertThat(fake.geocodingCalls("copenhagen", "DK")).isEqualTo(3);
    }

    @Test
    void anUnknownPlaceIsNotFound() {
        assertThat(provider.current(place("DE", "10115", "Berlin"), Optional.empty())).isEqualTo(Reading.NOT_FOUND);

        assertThat(fake.geocodingCalls()).isEqualTo(2);
        assertThat(fake.forecastCalls()).isZero();
    }

    @Test
    void placesCanBeAdded() {
        for (int i = 0; i < 20; i++) {
            fake.place("Place " + i, "US", 30 + i, -100 + i, i % 2 == 0 ? 95 : 71, i);
        }

        Reading reading = provider.current(place("US", null, "Place 7"), Optional.empty());

        assertThat(reading.location().orElseThrow().coordinates()).isEqualTo(new Coordinates(37, -93));
        assertThat(reading.observation().orElseThrow().code()).isEqualTo(WeatherCode.of(71));
        assertThat(reading.observation().orElseThrow().temperatureC()).isEqualTo(7.0);
        assertThat(fake.forecastCalls("Place 7")).isEqualTo(1);
        assertThat(provider.current(place("CA", null, "Place 7"), Optional.empty())).isEqualTo(Reading.NOT_FOUND);
    }

    @Test
    void failingAnswers503UntilItRecovers() {
        fake.fail();

        assertThatThrownBy(() -> provider.current(place("FR", "75001", null), Optional.empty()))
                .isInstanceOf(WeatherUnreachableException.class)
                .hasMessage("Open-Meteo is failing (HTTP 503)");
        fake.recover();
        assertThat(provider.current(place("FR", "75001", null), Optional.empty()).observation()).isPresent();
        assertThat(fake.geocodingCalls("75001", "FR")).isEqualTo(2);
    }

    @Test
    void droppingClosesConnectionsWithoutAnAnswer() {
        fake.dropConnections();

        assertThatThrownBy(() -> provider.current(place("FR", "75001", null), Optional.empty()))
                .isInstanceOf(WeatherUnreachableException.class)
                .hasMessage("Open-Meteo broke the connection");
    }

    @Test
    void slowForecastsOutlastTheTimeout() {
        fake.slow(Duration.ofSeconds(5));
        WeatherProvider impatient = WeatherProviders.openMeteo(fake.uri(), fake.uri(), Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> impatient.current(place("NL", "1016", null), Optional.empty()))
                .isInstanceOf(WeatherUnreachableException.class)
                .hasMessage("Open-Meteo did not answer within 300 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(fake.forecastCalls("Amsterdam")).isEqualTo(1);
    }

    @Test
    void closingReleasesAHeldAnswer() throws Exception {
        fake.slow(Duration.ofMinutes(5));
        CompletableFuture<Reading> lookup = CompletableFuture.supplyAsync(
                () -> provider.current(place("BE", "1000", null), Optional.empty()));
        Poll.until("the forecast is held", () -> fake.forecastCalls("Brussels") == 1, Duration.ofSeconds(5));

        fake.close();

        Reading reading = lookup.get(5, TimeUnit.SECONDS);
        assertThat(reading.observation().orElseThrow().code()).isEqualTo(WeatherCode.of(61));
    }
}
