package io.waybill.adapters.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Checks a real answer against what {@code openapi.json} says of it: its status is described for the route (or
 * falls to the route's {@code default}), its content type is one described for that status, and its body is valid
 * against the schema described for both, as JSON Schema 2020-12 (OpenAPI 3.1's dialect), the document's components
 * in reach of its references. Every answer carries {@code X-Request-Id}.
 *
 * <p>In adapters-http's test fixtures, shared with bootstrap's end-to-end tests like the other fixtures (see the
 * parent POM); openapi.json is read from the class path, where adapters-http puts it.
 */
public final class DescribedAnswers {

    private static final String REQUEST_ID = "X-Request-Id";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final JsonNode description;

    private DescribedAnswers(JsonNode description) {
        this.description = description;
    }

    public static DescribedAnswers load() {
        try (InputStream in = DescribedAnswers.class.getResourceAsStream("/io/waybill/adapters/http/openapi.json")) {
            return new DescribedAnswers(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param route the path as described, such as {@code /api/v1/shipments/{tracking_number}}
     * @param response with its body as bytes or as a string
     */
    public void check(String method, String route, HttpResponse<?> response) {
        String what = method + " " + route + " answered " + response.statusCode();
        JsonNode operation = description.path("paths").path(route).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isMissingNode()).as(what + ": the route is not described").isFalse();
        JsonNode answers = operation.path("responses");
        JsonNode answer = resolve(answers.has(String.valueOf(response.statusCode()))
                ? answers.get(String.valueOf(response.statusCode()))
                : answers.path("default"));
        assertThat(answer.isMissingNode()).as(what + ": the status is not described").isFalse();
        assertThat(response.headers().firstValue(REQUEST_ID)).as(what).isPresent();
        byte[] bytes = response.body() instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : (byte[]) response.body();
        String contentType = response.headers().firstValue("Content-Type").map(type -> type.split(";")[0].strip())
                .orElse(null);
        if (contentType == null) {
            assertThat(bytes).as(what + ": a body without a content type").isEmpty();
            return;
        }
        JsonNode media = answer.path("content").path(contentType);
        assertThat(media.isMissingNode()).as(what + ": " + contentType + " is not described; "
                + answer.path("content")).isFalse();
        if (contentType.endsWith("json")) {
            ObjectNode schema = ((ObjectNode) media.get("schema").deepCopy());
            schema.set("components", description.get("components"));
            String body = new String(bytes, StandardCharsets.UTF_8);
            List<Error> errors = SCHEMAS.getSchema(schema.toString(), InputFormat.JSON).validate(body, InputFormat.JSON);
            assertThat(errors).as(what + ": " + body).isEmpty();
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            resolved = description.at(resolved.get("$ref").asText().substring(1));
        }
        return resolved;
    }
}
