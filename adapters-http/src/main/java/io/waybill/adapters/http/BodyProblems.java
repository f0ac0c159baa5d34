package io.waybill.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The problems found in one request body, each at its path ({@code receiver.address.country},
 * {@code articles[2].quantity}, {@code body} for the body itself), so that all of them are reported at once, and
 * where reading the body starts: its objects and arrays.
 */
final class BodyProblems {

    static final String BODY = "body";

    private final List<Problem.InvalidParameter> problems = new ArrayList<>();

    /** Reads a body that must be one object; its value when it holds no problem. */
    static <T> T read(JsonNode body, Function<JsonFields, Optional<T>> reader) {
        BodyProblems problems = new BodyProblems();
        Optional<T> value = problems.object(body, "").flatMap(reader);
        problems.throwIfAny();
        return value.orElseThrow();
    }

    /** The object {@code node} at {@code path} ("" for the body), or empty and a problem noted if it is none. */
    Optional<JsonFields> object(JsonNode node, String path) {
        if (!node.isObject()) {
            add(path, "must be a JSON object");
            return Optional.empty();
        }
        return Optional.of(new JsonFields(node, path, this));
    }

    /** Reads each object of an array at {@code path}; a problem is noted for what is no array or no object. */
    <T> List<T> elements(JsonNode array, String path, Function<JsonFields, Optional<T>> reader) {
        if (!array.isArray()) {
            add(path, "must be an array");
            return List.of();
        }
        List<T> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            object(array.get(i), path + "[" + i + "]").flatMap(reader).ifPresent(values::add);
        }
        return values;
    }

    void add(String path, String message) {
        problems.add(new Problem.InvalidParameter(path.isEmpty() ? BODY : path, message));
    }

    int count() {
        return problems.size();
    }

    /** @throws InvalidParametersException naming every problem noted */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(InvalidParametersException.FIELD, problems);
        }
    }
}
