package io.waybill.adapters.http;

import io.waybill.domain.OrderTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads a request's query parameters (and path parameters handed to it) into values, collecting every problem, so
 * that {@link #throwIfInvalid} reports them all at once. Values are parsed by the domain's own parsers.
 */
final class RequestParameters {

    // Longer than any valid value; also keeps very long input away from the domain's regular expressions.
    static final int MAX_VALUE_LENGTH = 1_000;
    // An unencoded '+' in a query means a space, so "+08:00" arrives as " 08:00"; only the offset is restored.
    private static final Pattern OFFSET_SENT_AS_SPACE =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?) (\\d{2}:\\d{2})");

    private final QueryParameters query;
    private final String noun;
    private final List<Problem.InvalidParameter> errors = new ArrayList<>();

    /** @param noun what the parameters are called in the problem: see {@link InvalidParametersException} */
    RequestParameters(String rawQuery, String noun) {
        this.query = QueryParameters.parse(rawQuery);
        this.noun = noun;
    }

    /** The parsed value of a query parameter given exactly once; null, and a problem noted, otherwise. */
    <T> T required(String name, Function<String, T> parser) {
        return parse(name, () -> query.single(name), parser);
    }

    /** The parsed value of a query parameter given at most once; empty when left out or invalid. */
    <T> Optional<T> optional(String name, Function<String, T> parser) {
        return Optional.ofNullable(parse(name, () -> query.optional(name).orElse(null), parser));
    }

    /** The parsed value of a parameter taken from elsewhere, such as the path; null, and a problem noted, if bad. */
    <T> T value(String name, String text, Function<String, T> parser) {
        return parse(name, () -> text, parser);
    }

    /** @throws InvalidParametersException naming every parameter that was missing, repeated or invalid */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(noun, errors);
        }
    }

    /** An RFC 3339 time in a query, where an unencoded {@code +} of its offset arrives as a space. */
    static OrderTime time(String text) {
        // Only a space where the offset's sign goes can need restoring, so most times skip the pattern.
        if (text.length() < 6 || text.charAt(text.length() - 6) != ' ') {
            return OrderTime.parse(text);
        }
        var matcher = OFFSET_SENT_AS_SPACE.matcher(text);
        return OrderTime.parse(matcher.matches() ? matcher.group(1) + '+' + matcher.group(2) : text);
    }

    private <T> T parse(String name, Supplier<String> text, Function<String, T> parser) {
        try {
            String value = text.get();
            if (value == null) {
                return null;
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("must be at most " + MAX_VALUE_LENGTH + " characters long");
            }
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.InvalidParameter(name, Objects.requireNonNullElse(e.getMessage(), "is invalid")));
            return null;
        }
    }
}
