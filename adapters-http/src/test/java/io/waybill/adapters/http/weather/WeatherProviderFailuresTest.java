package io.waybill.adapters.http.weather;

import static io.waybill.adapters.http.weather.OpenMeteoAnswers.forecast;
import static io.waybill.adapters.http.weather.OpenMeteoAnswers.result;
import static io.waybill.adapters.http.weather.OpenMeteoAnswers.search;
import static io.waybill.adapters.http.weather.OpenMeteoWeatherProviderTest.place;
import static io.waybill.adapters.http.weather.OpenWeatherMapWeatherProviderTest.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.waybill.application.port.out.WeatherProvider;
import io.waybill.application.port.out.WeatherProvider.Location;
import io.waybill.application.port.out.WeatherUnreachableException;
import io.waybill.domain.weather.Coordinates;
import io.waybill.domain.weather.WeatherPlace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class WeatherProviderFailuresTest {

    private static final WeatherPlace PARIS = place("FR", "75001", "Paris");
    private static final Optional<Location> KNOWN =
            Optional.of(new Location(new Coordinates(48.85341, 2.3488), Optional.of("Paris")));

    private final StubServer stub = new StubServer();

    @AfterEach
    void close() {
        stub.close(); // releases the answers that hang
    }

    private static WeatherProvider openMeteo(URI uri, Duration timeout) {
        return WeatherProviders.openMeteo(uri, uri, timeout);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertUnreachable(
            WeatherProvider provider, Optional<Location> known) {
        return assertThatThrownBy(() -> provider.current(PARIS, known))
                .isInstanceOf(WeatherUnreachableException.class);
    }

    @Test
    void aRefusedConnection() {
        URI closed;
        try (StubServer gone = new StubServer()) {
            closed = gone.uri();
        }

        assertUnreachable(openMeteo(closed, Duration.ofSeconds(5)), KNOWN)
                .hasMessage("Open-Meteo refused the connection");
    }

    @Test
    void aHostNameThatDoesNotResolve() {
        // .invalid never resolves (RFC 6761)
        assertUnreachable(openMeteo(URI.create("http://open-meteo.invalid"), Duration.ofSeconds(5)), Optional.empty())
                .hasMessage("Open-Meteo cannot be found: its host name does not resolve");
    }

    @Test
    void noAnswerWithinTheTimeout() {
        stub.on("/v1/forecast", uri -> StubServer.HANG);
        long start = System.nanoTime();

        assertUnreachable(openMeteo(stub.uri(), Duration.ofMillis(300)), KNOWN)
                .hasMessage("Open-Meteo did not answer within 300 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(stub.paths()).containsExactly("/v1/forecast");
    }

    @ParameterizedTest
    @CsvSource({"429, Open-Meteo is limiting requests (HTTP 429)", "500, Open-Meteo is failing (HTTP 500)",
            "503, Open-Meteo is failing (HTTP 503)"})
    void aServiceThatIsFailingOrLimiting(int status, String message) {
        stub.on("/v1/forecast", status, "{\"error\":true,\"reason\":\"Too many concurrent requests\"}");

        assertUnreachable(openMeteo(stub.uri(), Duration.ofSeconds(5)), KNOWN).hasMessage(message);
    }

    @Test
    void aRequestOpenMeteoRefusesGivesItsReason() {
        stub.on("/v1/forecast", 400, "{\"error\":true,\"reason\":\"Cannot initialize WeatherVariable from invalid "
                + "String value temperature_3m for key current\"}");

        assertUnreachable(openMeteo(stub.uri(), Duration.ofSeconds(5)), KNOWN)
                .hasMessage("Open-Meteo refused the request (HTTP 400): Cannot initialize WeatherVariable from invalid "
                        + "String value temperature_3m for key current");
    }

    @Test
    void anUnexpectedStatusWithoutAReason() {
        stub.on("/v1/search", 403, "<html>Forbidden</html>");

        assertUnreachable(openMeteo(stub.uri(), Duration.ofSeconds(5)), Optional.empty())
                .hasMessage("Open-Meteo refused the request (HTTP 403)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>Bad gateway</body></html>", "{\"current\":", ""})
    void aBodyThatIsNotJson(String body) {
        stub.on("/v1/forecast", 200, body);

        assertUnreachable(openMeteo(stub.uri(), Duration.ofSeconds(5)), KNOWN)
                .hasMessageStartingWith("Open-Meteo answered with what is not");
    }

    @Test
    void anAnswerTooLongToBeWeather() {
        stub.on("/v1/forecast", 200, "{\"padding\":\"" + "x".repeat(2 << 20) + "\"}");

        assertUnreachable(openMeteo(stub.uri(), Duration.ofSeconds(5)), KNOWN)
                .hasMessage("Open-Meteo answered more than 1048576 bytes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"latitude\":48.86}| no object current",
        "[1, 2]| not a JSON object",
        "{\"current\":{\"time\":1765047600,\"temperature_2m\":5.1,\"weather_code\":3}}| no number wind_speed_10m",
        "{\"current\":{\"time\":1765047600,\"temperature_2m\":null,\"weather_code\":3,\"wind_speed_10m\":1}}"
                + "| no number temperature_2m",
        "{\"current\":{\"time\":\"now\",\"temperature_2m\":5.1,\"weather_code\":3,\"wind_speed_10m\":1}}"
                + "| no whole number time",
        "{\"current\":{\"time\":1765047600,\"temperature_2m\":5.1,\"weather_code\":3.5,\"wind_speed_10m\":1}}"
                + "| no whole number weather_code"
    })
    void aForecastLackingItsFields(String body, String problem) {
        stub.on("/v1/forecast", 200, body);

        assertUnreachable(openMeteo(stub.uri(), Duration.ofSeconds(5)), KNOWN).hasMessageEndingWith(problem);
    }

    @ParameterizedTest
    @CsvSource({"900, 3, 10, not a temperature on the earth", "5, 42, 10, not a WMO weather code Waybill knows: 42",
            "5, 3, -4, not a wind speed on the earth"})
    void aForecastOutOfRange(double temperature, int code, double wind, String problem) {
        stub.on("/v1/forecast", 200, forecast(temperature, code, wind, 1_765_047_600));

        assertUnreachable(openMeteo(stub.uri(), Duration.ofSeconds(5)), KNOWN)
                .hasMessageStartingWith("Open-Meteo answered with what is not weather: " + problem)
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGeocodingResultThatIsNoPlace() {
        stub.on("/v1/search", 200, search(result("Paris", 200, 2.3488, "FR")));

        assertUnreachable(openMeteo(stub.uri(), Duration.ofSeconds(5)), Optional.empty())
                .hasMessageStartingWith("Open-Meteo answered with what is not weather: not a point on the earth");
        assertThat(stub.paths()).containsExactly("/v1/search");
    }

    @Test
    void geocodingResultsThatAreNoList() {
        stub.on("/v1/search", 200, "{\"results\":{\"name\":\"Paris\"}}");

        assertUnreachable(openMeteo(stub.uri(), Duration.ofSeconds(5)), Optional.empty())
                .hasMessage("Open-Meteo answered with what is not weather: results is not a list");
    }

    @Test
    void anInterruptedLookupKeepsItsInterrupt() {
        stub.on("/v1/forecast", uri -> StubServer.HANG);
        WeatherProvider provider = openMeteo(stub.uri(), Duration.ofSeconds(30));

        Thread.currentThread().interrupt();
        try {
            assertUnreachable(provider, KNOWN).hasMessage("Open-Meteo lookup was interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theKeyIsInNoMessageNorCause() {
        stub.on("/data/2.5/weather", 401, "{\"cod\":401,\"message\":\"Invalid API key " + KEY + ". Please see "
                + "https://openweathermap.org/faq#error401 for more info.\"}");
        WeatherProvider provider = WeatherProviders.openWeatherMap(stub.uri(), KEY, Duration.ofSeconds(5));

        assertThatThrownBy(() -> provider.current(PARIS, Optional.empty()))
                .isInstanceOf(WeatherUnreachableException.class)
                .hasMessageStartingWith("OpenWeatherMap refused the request (HTTP 401): Invalid API key [redacted].")
                .satisfies(thrown -> assertThat(rendered(thrown)).doesNotContain(KEY));
        assertThat(stub.requests().get(0).getQuery()).contains("appid=" + KEY);
    }

    @Test
    void theKeyIsInNoMessageWhenTheServiceIsGoneOrSlow() {
        stub.on("/data/2.5/weather", uri -> StubServer.HANG);
        URI closed;
        try (StubServer gone = new StubServer()) {
            closed = gone.uri();
        }

        for (WeatherProvider provider : new WeatherProvider[] {
            WeatherProviders.openWeatherMap(stub.uri(), KEY, Duration.ofMillis(200)),
            WeatherProviders.openWeatherMap(closed, KEY, Duration.ofSeconds(5)),
            WeatherProviders.openWeatherMap(URI.create("http://owm.invalid"), KEY, Duration.ofSeconds(5))
        }) {
            assertThatThrownBy(() -> provider.current(PARIS, Optional.empty()))
                    .isInstanceOf(WeatherUnreachableException.class)
                    .satisfies(thrown -> assertThat(rendered(thrown)).doesNotContain(KEY));
        }
    }

    @Test
    void anOpenWeatherMapFailure() {
        stub.on("/data/2.5/weather", 502, "<html>Bad Gateway</html>");

        assertThatThrownBy(() -> WeatherProviders.openWeatherMap(stub.uri(), KEY, Duration.ofSeconds(5))
                        .current(PARIS, Optional.empty()))
                .isInstanceOf(WeatherUnreachableException.class)
                .hasMessage("OpenWeatherMap is failing (HTTP 502)");
    }

    @Test
    void anOpenWeatherMapAnswerLackingItsFields() {
        stub.on("/data/2.5/weather", 200, "{\"coord\":{\"lon\":2.35,\"lat\":48.86},\"weather\":[],\"dt\":1765047600}");

        assertThatThrownBy(() -> WeatherProviders.openWeatherMap(stub.uri(), KEY, Duration.ofSeconds(5))
                        .current(PARIS, Optional.empty()))
                .isInstanceOf(WeatherUnreachableException.class)
                .hasMessage("OpenWeatherMap answered with what is not weather: no whole number id");
    }

    @Test
    void theKeyIsInNoLogLine() {
        stub.on("/data/2.5/weather", 200, OpenWeatherMapWeatherProviderTest.answer(800, 5.0, 1.0));
        WeatherProvider provider = WeatherProviders.openWeatherMap(stub.uri(), KEY, Duration.ofSeconds(5));
        Logger logger = (Logger) LoggerFactory.getLogger(WeatherHttp.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(lines);
        try {
            provider.current(PARIS, Optional.empty());
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(before);
        }

        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("appid=[redacted]")
                .doesNotContain(KEY);
    }

    static String rendered(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
