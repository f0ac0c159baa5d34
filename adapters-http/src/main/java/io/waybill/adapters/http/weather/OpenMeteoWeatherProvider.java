package io.waybill.adapters.http.weather;

import static io.waybill.adapters.http.weather.AnswerFields.code;
import static io.waybill.adapters.http.weather.AnswerFields.epochSecond;
import static io.waybill.adapters.http.weather.AnswerFields.number;
import static io.waybill.adapters.http.weather.AnswerFields.object;
import static io.waybill.adapters.http.weather.AnswerFields.text;
import static io.waybill.adapters.http.weather.AnswerFields.whole;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.out.WeatherProvider;
import io.waybill.domain.weather.Coordinates;
import io.waybill.domain.weather.WeatherCode;
import io.waybill.domain.weather.WeatherPlace;
import java.net.URI;
import java.util.Optional;

/**
 * Open-Meteo: its geocoding search finds the place's coordinates, its forecast the current weather there. Thread-safe.
 *
 * <p>The search is always restricted to the place's country, and its results are checked against it too, so that
 * 75001 in FR is Paris and never a zip of another country.
 */
final class OpenMeteoWeatherProvider implements WeatherProvider {

    private final WeatherHttp http;
    private final URI forecastUrl;
    private final URI geocodingUrl;

    OpenMeteoWeatherProvider(WeatherHttp http, URI forecastUrl, URI geocodingUrl) {
        this.http = http;
        this.forecastUrl = forecastUrl;
        this.geocodingUrl = geocodingUrl;
    }

    @Override
    public Reading current(WeatherPlace place, Optional<Location> known) {
        Optional<Location> location = known.isPresent() ? known : locate(place);
        if (location.isEmpty()) {
            return Reading.NOT_FOUND;
        }
        return new Reading(location, Optional.of(forecast(location.get().coordinates())));
    }

    // Its geocoder finds many postcodes, but not all (it misses whole countries' postal codes): a zip it does not
    // know falls back to the place's city, when the place has one.
    private Optional<Location> locate(WeatherPlace place) {
        Optional<Location> byZip = place.zip().flatMap(zip -> search(zip, place));
        if (byZip.isPresent() || place.city().isEmpty()) {
            return byZip;
        }
        return search(place.city().get(), place);
    }

    private Optional<Location> search(String name, WeatherPlace place) {
        String country = place.country().value();
        URI uri = new Query(geocodingUrl, "/v1/search")
                .with("name", name)
                .with("countryCode", country)
                .with("count", "10")
                .with("language", "en")
                .with("format", "json")
                .uri();
        JsonNode body = ok(http.get(uri));
        JsonNode results = body.path("results");
        if (!results.isMissingNode() && !results.isArray()) {
            throw http.notWeather(new IllegalArgumentException("results is not a list"));
        }
        try {
            for (JsonNode result : results) {
                if (result.isObject() && text(result, "country_code").filter(country::equalsIgnoreCase).isPresent()) {
                    Coordinates coordinates = new Coordinates(number(result, "latitude"), number(result, "longitude"));
                    return Optional.of(new Location(coordinates, text(result, "name")));
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException notAPlace) {
            throw http.notWeather(notAPlace);
        }
    }

    private Observation forecast(Coordinates coordinates) {
        URI uri = new Query(forecastUrl, "/v1/forecast")
                .with("latitude", coordinates.latitude())
                .with("longitude", coordinates.longitude())
                .with("current", "temperature_2m,weather_code,wind_speed_10m")
                .with("wind_speed_unit", "kmh")
                .with("timeformat", "unixtime")
                .uri();
        JsonNode body = ok(http.get(uri));
        try {
            JsonNode current = object(body, "current");
            return new Observation(number(current, "temperature_2m"),
                    WeatherCode.of(code(whole(current, "weather_code"))), number(current, "wind_speed_10m"),
                    epochSecond(current, "time"));
        } catch (IllegalArgumentException notWeather) {
            throw http.notWeather(notWeather);
        }
    }

    // Open-Meteo answers a request it cannot serve with 400 and {"error": true, "reason": "..."}.
    private JsonNode ok(WeatherHttp.Answer answer) {
        if (answer.status() != 200) {
            throw http.refused(answer);
        }
        return http.json(answer);
    }
}
