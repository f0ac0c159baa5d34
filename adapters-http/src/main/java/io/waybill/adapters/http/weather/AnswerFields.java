package io.waybill.adapters.http.weather;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * Reading the fields of a provider's answer. Each throws {@link IllegalArgumentException} naming the field when it is
 * missing or is not what it should be; {@link WeatherHttp#notWeather} turns that into the provider's failure.
 */
final class AnswerFields {

    private AnswerFields() {}

    static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (!node.isObject()) {
            throw new IllegalArgumentException("no object " + field);
        }
        return node;
    }

    static double number(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException("no number " + field);
        }
        return node.doubleValue();
    }

    static long whole(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw new IllegalArgumentException("no whole number " + field);
        }
        return node.longValue();
    }

    static Optional<String> text(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText().strip()) : Optional.empty();
    }

    static Instant epochSecond(JsonNode parent, String field) {
        long seconds = whole(parent, field);
        try {
            return Instant.ofEpochSecond(seconds);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("no time " + field + ": " + seconds);
        }
    }

    static int code(long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a weather code: " + value);
        }
        return (int) value;
    }
}
