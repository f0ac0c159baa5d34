package io.waybill.bootstrap;

import io.waybill.adapters.http.weather.WeatherProviders;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where weather at receivers comes from, and how old it may grow.
 *
 * @param provider the provider, or {@link Provider#NONE} to turn weather off
 * @param apiKey the provider's key, when it needs one (OpenWeatherMap)
 * @param url the provider's base URL (for Open-Meteo, its forecast API's)
 * @param geocodingUrl Open-Meteo's geocoding API's base URL
 * @param maxAge how long weather, or a place not found, holds before it is fetched again
 * @param timeout how long a lookup may wait for weather it does not have yet
 */
public record WeatherSettings(Provider provider, Optional<String> apiKey, URI url, URI geocodingUrl, Duration maxAge,
        Duration timeout) {

    public static final URI OPEN_METEO_URL = WeatherProviders.OPEN_METEO_FORECAST_URL;
    public static final URI OPEN_METEO_GEOCODING_URL = WeatherProviders.OPEN_METEO_GEOCODING_URL;
    public static final URI OPEN_WEATHER_MAP_URL = WeatherProviders.OPEN_WEATHER_MAP_URL;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(2);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(300);

    /** Weather turned off: answers say so, and nothing is fetched. */
    public static final WeatherSettings OFF = new WeatherSettings(Provider.NONE, Optional.empty(), OPEN_METEO_URL,
            OPEN_METEO_GEOCODING_URL, DEFAULT_MAX_AGE, DEFAULT_TIMEOUT);

    public WeatherSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(apiKey, "apiKey");
        WeatherProviders.checkedUrl(url);
        WeatherProviders.checkedUrl(geocodingUrl);
        if (maxAge.isNegative() || maxAge.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the max age must be positive and the timeout not negative");
        }
        if (provider == Provider.OPEN_WEATHER_MAP && apiKey.isEmpty()) {
            throw new IllegalArgumentException("OpenWeatherMap needs an API key");
        }
    }

    /** Open-Meteo at {@code url} and {@code geocodingUrl} (a test's stand-in, or a proxy), with the defaults. */
    public static WeatherSettings openMeteo(URI url, URI geocodingUrl) {
        return new WeatherSettings(Provider.OPEN_METEO, Optional.empty(), url, geocodingUrl, DEFAULT_MAX_AGE,
                DEFAULT_TIMEOUT);
    }

    public WeatherSettings withMaxAge(Duration age) {
        return new WeatherSettings(provider, apiKey, url, geocodingUrl, age, timeout);
    }

    public WeatherSettings withTimeout(Duration wait) {
        return new WeatherSettings(provider, apiKey, url, geocodingUrl, maxAge, wait);
    }

    public enum Provider {
        OPEN_METEO("open-meteo"),
        OPEN_WEATHER_MAP("openweathermap"),
        NONE("none");

        private final String setting;

        Provider(String setting) {
            this.setting = setting;
        }

        /** As {@code WAYBILL_WEATHER_PROVIDER} names it: {@code open-meteo}, {@code openweathermap} or {@code none}. */
        public static Provider parse(String text) {
            for (Provider provider : values()) {
                if (provider.setting.equalsIgnoreCase(text.strip())) {
                    return provider;
                }
            }
            throw new IllegalArgumentException("must be open-meteo, openweathermap or none; got \"" + text + "\"");
        }

        @Override
        public String toString() {
            return setting;
        }
    }
}
