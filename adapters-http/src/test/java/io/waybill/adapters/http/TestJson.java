package io.waybill.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** What the tests look for in JSON answers. */
final class TestJson {

    private TestJson() {}

    /** Every member name in a JSON document, at any depth. */
    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fields().forEachRemaining(field -> {
            names.add(field.getKey());
            names.addAll(fieldNames(field.getValue()));
        });
        if (node.isArray()) {
            node.elements().forEachRemaining(element -> names.addAll(fieldNames(element)));
        }
        return names;
    }

    /** A UTF-8 text file among the test resources. */
    static String resource(String name) {
        try (InputStream in = TestJson.class.getResourceAsStream("/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code parameter} of each of a problem's {@code errors}, in order. */
    static List<String> invalidParameters(JsonNode problem) {
        List<String> names = new ArrayList<>();
        problem.path("errors").forEach(error -> names.add(error.path("parameter").asText()));
        return names;
    }
}
