package io.waybill.adapters.http.weather;

import io.waybill.application.port.out.WeatherProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The public weather services Waybill can ask, over HTTP. Each provider holds one HTTP client, shared by every lookup;
 * providers are thread-safe and need no closing (the JDK's client ends its threads once it is unreachable).
 *
 * <p>Base URLs may carry a path (a proxy's prefix): the services' paths are appended to it.
 */
public final class WeatherProviders {

    public static final URI OPEN_METEO_FORECAST_URL = URI.create("https://api.open-meteo.com");
    public static final URI OPEN_METEO_GEOCODING_URL = URI.create("https://geocoding-api.open-meteo.com");
    public static final URI OPEN_WEATHER_MAP_URL = URI.create("https://api.openweathermap.org");

    // The providers' published limits for keyless and free use, kept by each provider instance (one per process):
    // Open-Meteo asks for fewer than 600 calls a minute, OpenWeatherMap's free plan allows 60.
    static final RequestPace.Limit OPEN_METEO_LIMIT = new RequestPace.Limit(500, 50);
    static final RequestPace.Limit OPEN_WEATHER_MAP_LIMIT = new RequestPace.Limit(60, 10);

    private WeatherProviders() {}

    /**
     * Open-Meteo, which needs no key: its geocoding search turns a zip or a city into coordinates (falling back to the
     * city when the zip is not found), its forecast gives the current weather there.
     *
     * @param requestTimeout how long one request may take, connecting included
     */
    public static WeatherProvider openMeteo(URI forecastUrl, URI geocodingUrl, Duration requestTimeout) {
        return new OpenMeteoWeatherProvider(
                new WeatherHttp("Open-Meteo", requestTimeout, Secret.NONE, OPEN_METEO_LIMIT.pace()),
                checkedUrl(forecastUrl), checkedUrl(geocodingUrl));
    }

    /**
     * OpenWeatherMap's current weather, by zip and country, or by city and country for a place without a zip. The key
     * never appears in a log line or an exception's message.
     *
     * @param requestTimeout how long one request may take, connecting included
     */
    public static WeatherProvider openWeatherMap(URI url, String apiKey, Duration requestTimeout) {
        Objects.requireNonNull(apiKey, "apiKey");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("OpenWeatherMap needs an API key");
        }
        return new OpenWeatherMapWeatherProvider(
                new WeatherHttp("OpenWeatherMap", requestTimeout, new Secret(apiKey), OPEN_WEATHER_MAP_LIMIT.pace()),
                checkedUrl(url), apiKey);
    }

    /**
     * {@code url} if it can be a provider's base URL: absolute http or https, with no query or fragment (a path is
     * kept as a prefix).
     *
     * @throws IllegalArgumentException otherwise
     */
    public static URI checkedUrl(URI url) {
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("a weather provider's URL is an http or https URL without query: "
                    + url.getScheme() + "://" + url.getHost() + "...");
        }
        return url;
    }
}
