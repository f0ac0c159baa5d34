package io.waybill.adapters.http.weather;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Open-Meteo's answers in their real shapes, cut down to what matters. */
final class OpenMeteoAnswers {

    static final String NO_RESULTS = "{\"generationtime_ms\":0.41}";

    private OpenMeteoAnswers() {}

    record Result(String name, double latitude, double longitude, String countryCode) {}

    static Result result(String name, double latitude, double longitude, String countryCode) {
        return new Result(name, latitude, longitude, countryCode);
    }

    static String search(Result... results) {
        return Arrays.stream(results)
                .map(result -> String.format(Locale.ROOT, "{\"id\":1,\"name\":\"%s\",\"latitude\":%s,\"longitude\":%s,"
                                + "\"elevation\":40.0,\"feature_code\":\"PPLC\",\"country_code\":\"%s\","
                                + "\"timezone\":\"Europe/Paris\",\"population\":100000}",
                        result.name(), result.latitude(), result.longitude(), result.countryCode()))
                .collect(Collectors.joining(",", "{\"results\":[", "],\"generationtime_ms\":0.6}"));
    }

    static String forecast(double temperature, int code, double windKmh, long time) {
        return String.format(Locale.ROOT, "{\"latitude\":48.86,\"longitude\":2.3399997,\"generationtime_ms\":0.02,"
                        + "\"utc_offset_seconds\":0,\"timezone\":\"GMT\",\"timezone_abbreviation\":\"GMT\","
                        + "\"elevation\":43.0,\"current_units\":{\"time\":\"unixtime\",\"interval\":\"seconds\","
                        + "\"temperature_2m\":\"°C\",\"weather_code\":\"wmo code\",\"wind_speed_10m\":\"km/h\"},"
                        + "\"current\":{\"time\":%d,\"interval\":900,\"temperature_2m\":%s,\"weather_code\":%d,"
                        + "\"wind_speed_10m\":%s}}",
                time, temperature, code, windKmh);
    }
}
