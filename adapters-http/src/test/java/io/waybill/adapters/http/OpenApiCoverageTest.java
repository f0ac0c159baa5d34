package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi.json} describes exactly the routes registered with Javalin, as its router lists them: a route
 * added without its description, or a description left behind by a route taken away, fails here.
 */
class OpenApiCoverageTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static Monitoring monitoring;
    private static TestServer server;
    private static JsonNode description;

    // With metrics on, so that GET /metrics is registered too.
    @BeforeAll
    static void startServer() {
        monitoring = Monitoring.open(MetricsSettings.ON);
        server = TestServer.start(TestUseCases.builder().build(), monitoring);
        HttpResponse<byte[]> response = server.get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        description = json(response.body());
    }

    @AfterAll
    static void stopServer() {
        server.close();
        monitoring.close();
    }

    @Test
    void describesEveryRegisteredRouteAndNoOther() {
        List<String> registered = server.routes();
        Set<String> described = new TreeSet<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (METHODS.contains(method)) {
                        described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));

        assertThat(registered).hasSizeGreaterThan(15).doesNotHaveDuplicates()
                .contains("GET /health", "GET /metrics", "POST /api/v1/shipments/{tracking_number}/events", "GET /api/v1/reports/{id}");
        assertThat(described).as("described in openapi.json").containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void isOpenApi31AndEveryOperationDeclaresItsPathParametersAndAnswers() {
        assertThat(description.get("openapi").asText()).isEqualTo("3.1.0");
        List<String> faults = new ArrayList<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            Set<String> declared = new TreeSet<>();
            op.getValue().path("parameters").forEach(parameter -> {
                JsonNode resolved = resolve(parameter);
                if (resolved.get("in").asText().equals("path")) {
                    declared.add(resolved.get("name").asText());
                }
            });
            Set<String> inTemplate = new TreeSet<>();
            Matcher parameters = PATH_PARAMETER.matcher(path.getKey());
            while (parameters.find()) {
                inTemplate.add(parameters.group(1));
            }
            if (!declared.equals(inTemplate)) {
                faults.add(name + ": path parameters " + declared + ", template " + inTemplate);
            }
            if (!op.getValue().path("responses").fieldNames().hasNext()) {
                faults.add(name + ": no responses");
            }
            op.getValue().path("responses").forEach(answer -> {
                if (!resolve(answer).path("headers").has(RequestIds.HEADER)) {
                    faults.add(name + ": an answer without " + RequestIds.HEADER);
                }
            });
        }));
        assertThat(faults).isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        List<String> dangling = new ArrayList<>();
        references(description, dangling);
        assertThat(dangling).isEmpty();
    }

    private static void references(JsonNode node, List<String> dangling) {
        if (node.has("$ref") && resolve(node).isMissingNode()) {
            dangling.add(node.get("$ref").asText());
        }
        node.forEach(child -> references(child, dangling));
    }

    static JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            resolved = description.at(resolved.get("$ref").asText().substring(1));
        }
        return resolved;
    }
}
