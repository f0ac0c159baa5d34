package io.waybill.adapters.http.weather;

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
 * OpenWeatherMap's current weather, asked by zip and country (or city and country), in metric units. Thread-safe.
 *
 * <p>A place it found before is asked by zip again all the same: that is one request either way, and it is the query
 * the service documents for places.
 */
final class OpenWeatherMapWeatherProvider implements WeatherProvider {

    private static final double KMH_PER_METRE_PER_SECOND = 3.6;

    private final WeatherHttp http;
    private final URI url;
    private final String apiKey;

    OpenWeatherMapWeatherProvider(WeatherHttp http, URI url, String apiKey) {
        this.http = http;
        this.url = url;
        this.apiKey = apiKey;
    }

    @Override
    public Reading current(WeatherPlace place, Optional<Location> known) {
        String country = place.country().value();
        Query query = new Query(url, "/data/2.5/weather");
        if (place.zip().isPresent()) {
            query.with("zip", place.zip().get() + "," + country);
        } else {
            query.with("q", place.city().orElseThrow() + "," + country);
        }
        WeatherHttp.Answer answer = http.get(query.with("appid", apiKey).with("units", "metric").uri());
        if (answer.status() == 404) {
            return Reading.NOT_FOUND;
        }
        if (answer.status() != 200) {
            throw http.refused(answer);
        }
        JsonNode body = http.json(answer);
        // Older answers carried errors in a 200 with "cod" as text: {"cod": "404", "message": "city not found"}.
        if ("404".equals(body.path("cod").asText())) {
            return Reading.NOT_FOUND;
        }
        try {
            return read(body);
        } catch (IllegalArgumentException notWeather) {
            throw http.notWeather(notWeather);
        }
    }

    private static Reading read(JsonNode body) {
        JsonNode coord = object(body, "coord");
        Coordinates coordinates = new Coordinates(number(coord, "lat"), number(coord, "lon"));
        JsonNode condition = body.path("weather").path(0);
        long id = whole(condition, "id");
        WeatherCode code = OpenWeatherMapConditions.wmo(id)
                .orElseThrow(() -> new IllegalArgumentException("an unknown condition id " + id));
        double windKmh = number(object(body, "wind"), "speed") * KMH_PER_METRE_PER_SECOND;
        Observation observation =
                new Observation(number(object(body, "main"), "temp"), code, windKmh, epochSecond(body, "dt"));
        return new Reading(Optional.of(new Location(coordinates, text(body, "name"))), Optional.of(observation));
    }
}
