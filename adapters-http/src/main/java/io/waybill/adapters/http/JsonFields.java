package io.waybill.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.domain.Text;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One JSON object of a request body, read field by field into domain values by the domain's own parsers and
 * constructors; every problem is noted, with its path, in the body's {@link BodyProblems}. A JSON null is the same
 * as a field left out.
 */
final class JsonFields {

    // Bounds on a JSON number's digits and exponent, far beyond any valid value, checked before any rule reads it.
    private static final int MAX_DIGITS = 40;
    private static final int MAX_EXPONENT = 40;

    private final JsonNode object;
    private final String path;
    private final BodyProblems problems;
    private final int problemsBefore;
    private final Set<String> asked = new HashSet<>();
    private final Set<String> required = new HashSet<>();

    JsonFields(JsonNode object, String path, BodyProblems problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
        this.problemsBefore = problems.count();
    }

    /** A parser that only checks a text, by building the domain value that holds it, and returns the text. */
    static Function<String, String> checkedBy(Consumer<String> check) {
        return text -> {
            check.accept(text);
            return text;
        };
    }

    /** Makes these fields required: reading one that is left out notes a problem. */
    void required(String... names) {
        required.addAll(Arrays.asList(names));
    }

    <T> Optional<T> text(String name, Function<String, T> parser) {
        return typed(name, JsonNode::isTextual, "must be a string", JsonNode::textValue)
                .flatMap(text -> build(name, () -> parser.apply(text)));
    }

    /** A field that may be a JSON number or a string holding one, such as {@code 1.5} or {@code "1.5"}. */
    <T> Optional<T> decimal(String name, Function<BigDecimal, T> fromNumber, Function<String, T> fromText) {
        JsonNode value = field(name);
        return value != null && value.isNumber()
                ? build(name, () -> fromNumber.apply(bounded(value.decimalValue())))
                : text(name, fromText);
    }

    private static BigDecimal bounded(BigDecimal number) {
        if (number.precision() > MAX_DIGITS || number.scale() > MAX_EXPONENT || number.scale() < -MAX_EXPONENT) {
            throw new IllegalArgumentException("must be a decimal number of at most " + MAX_DIGITS + " digits and a"
                    + " small exponent; got " + Text.number(number));
        }
        return number;
    }

    Optional<Integer> wholeNumber(String name) {
        return typed(name, value -> value.isIntegralNumber() && value.canConvertToInt(), "must be a whole number",
                JsonNode::intValue);
    }

    Optional<Boolean> bool(String name) {
        return typed(name, JsonNode::isBoolean, "must be true or false", JsonNode::booleanValue);
    }

    Optional<JsonFields> object(String name) {
        return Optional.ofNullable(field(name)).flatMap(value -> problems.object(value, path(name)));
    }

    <T> List<T> objects(String name, Function<JsonFields, Optional<T>> reader) {
        JsonNode value = field(name);
        return value == null ? List.of() : problems.elements(value, path(name), reader);
    }

    /** The field's JSON as it is, for a reader of its own; empty when it is left out or null. */
    Optional<JsonNode> node(String name) {
        return Optional.ofNullable(field(name));
    }

    boolean has(String name) {
        return object.hasNonNull(name);
    }

    /** Runs a domain constructor; its refusal is noted at {@code name}, less a leading "name " in its message. */
    <T> Optional<T> build(String name, Supplier<T> constructor) {
        try {
            return Optional.of(constructor.get());
        } catch (IllegalArgumentException e) {
            String message = Objects.requireNonNullElse(e.getMessage(), "is invalid");
            boolean named = !name.isEmpty() && message.regionMatches(true, 0, name + " ", 0, name.length() + 1);
            fail(name, named ? message.substring(name.length() + 1) : message);
            return Optional.empty();
        }
    }

    /** Whether no problem was noted since this object was opened, in it or in the objects within it. */
    boolean valid() {
        return problems.count() == problemsBefore;
    }

    /** Notes a problem for every field that no reader asked for: a misspelt field must not go unnoticed. */
    void rejectUnknownFields() {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!asked.contains(name)) {
                fail(name, "is not a known field");
            }
        }
    }

    /** @param name a field of this object, or "" for the object itself */
    void fail(String name, String message) {
        problems.add(path(name), message);
    }

    private String path(String name) {
        return path.isEmpty() || name.isEmpty() ? path + name : path + "." + name;
    }

    private <T> Optional<T> typed(String name, Predicate<JsonNode> isOfType, String message,
            Function<JsonNode, T> value) {
        Optional<JsonNode> node = Optional.ofNullable(field(name));
        if (node.isPresent() && !isOfType.test(node.get())) {
            fail(name, message);
            return Optional.empty();
        }
        return node.map(value);
    }

    private JsonNode field(String name) {
        asked.add(name);
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            if (required.contains(name)) {
                fail(name, "is required");
            }
            return null;
        }
        return value;
    }
}
