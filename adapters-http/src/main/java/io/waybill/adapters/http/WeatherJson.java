package io.waybill.adapters.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.waybill.application.port.in.FindWeatherUseCase.Answer;
import io.waybill.domain.weather.Weather;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weather at a shipment's receiver in its answers: {@code "weather": {...}} and {@code "weather_unavailable"},
 * the reason when there is no weather (otherwise null). A lookup adds them to the shipment's rendered view as bytes,
 * each answer's made once, so that a cached lookup serialises nothing. Thread-safe.
 */
final class WeatherJson {

    static final int MAX_ANSWERS = 10_000;

    private final Cache<Answer, byte[]> rendered = Caffeine.newBuilder().maximumSize(MAX_ANSWERS).build();
    private final JsonWriter json;

    WeatherJson(JsonWriter json) {
        this.json = json;
    }

    /** {@code view}, a JSON object, with the two weather fields added at its end. */
    byte[] added(byte[] view, Answer answer) {
        byte[] fields = rendered.get(answer, this::fields);
        if (view.length < 2 || view[view.length - 1] != '}') {
            throw new IllegalArgumentException("not a JSON object");
        }
        boolean empty = view.length == 2;
        byte[] joined = Arrays.copyOf(view, view.length - 1 + (empty ? 0 : 1) + fields.length + 1);
        int at = view.length - 1;
        if (!empty) {
            joined[at++] = ',';
        }
        System.arraycopy(fields, 0, joined, at, fields.length);
        joined[joined.length - 1] = '}';
        return joined;
    }

    /** Adds the two fields to {@code view}, a JSON object being built. */
    static void put(Map<String, Object> view, Answer answer) {
        view.put("weather", answer.weather().map(WeatherJson::of).orElse(null));
        view.put("weather_unavailable", answer.unavailable().orElse(null));
    }

    // The two fields without the braces around them.
    private byte[] fields(Answer answer) {
        Map<String, Object> fields = new LinkedHashMap<>(2);
        put(fields, answer);
        byte[] object = json.bytes(fields);
        return Arrays.copyOfRange(object, 1, object.length - 1);
    }

    static Map<String, Object> of(Weather weather) {
        Map<String, Object> json = new LinkedHashMap<>(12);
        json.put("temperature_c", weather.temperatureC());
        json.put("condition", weather.code().condition());
        json.put("code", weather.code().value());
        json.put("wind_kmh", weather.windKmh());
        json.put("delivery_risk", weather.deliveryRisk());
        json.put("observed_at", JsonTimes.of(weather.observedAt()));
        json.put("fetched_at", JsonTimes.of(weather.fetchedAt()));
        Map<String, Object> place = new LinkedHashMap<>(4);
        place.put("zip", weather.place().zip().orElse(null));
        place.put("city", weather.city().orElse(null));
        place.put("country", weather.place().country().value());
        json.put("place", place);
        return json;
    }
}
