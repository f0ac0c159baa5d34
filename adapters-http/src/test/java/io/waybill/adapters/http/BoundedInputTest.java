package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.FakeShipmentsUseCase;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers are judged by how they are written before anything expands them, and no answer quotes more than a short
 * stretch of what was sent: {@code 1e999999999} once became a gigabyte of error message.
 */
class BoundedInputTest {

    private static final int MAX_MESSAGE = 200;
    private static final String ARTICLE = "{\"articles\": [{\"name\": \"tea\", \"quantity\": 1, \"price\": %s}]}";
    private static final AtomicInteger CALLS = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder()
                .registerShipment(command -> {
                    CALLS.incrementAndGet();
                    return TestShipments.PUBLIC;
                })
                .fakeShipments(new FakeShipmentsUseCase() {
                    @Override
                    public Stream<io.waybill.domain.Shipment> generate(Generation generation) {
                        throw new AssertionError("not called");
                    }

                    @Override
                    public Created create(Generation generation, Consumer<io.waybill.domain.Shipment> created) {
                        throw new AssertionError("not called");
                    }
                })
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e999999999", "1e-999999999", "\"1e999999999\"", "\"1e-999999999\"",
            "1E+2147483647", "123456789012345678901234567890123456789012345678901234567890"})
    void refusesAHugePriceWithAShortMessage(String price) {
        HttpResponse<byte[]> response = server.post("/api/v1/shipments", ARTICLE.formatted(price), STAFF);

        assertShortProblem(response, "articles[0].price");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-999999999", "\"1e999999999\"", "-1e999999999"})
    void refusesAHugeWeightWithAShortMessage(String weight) {
        HttpResponse<byte[]> response = server.post("/api/v1/shipments", "{\"weight_kg\": " + weight + "}", STAFF);

        assertShortProblem(response, "weight_kg");
    }

    @ParameterizedTest
    @CsvSource({"/fake?num=, num", "/next-tracking-number?weight=, weight", "/api/v1/shipments?limit=, limit"})
    void quotesAtMostAShortStretchOfAQueryParameter(String path, String parameter) {
        HttpResponse<byte[]> response = server.get(path + "9x".repeat(499) + "&"
                + TestServer.SAMPLE_QUERY.replace("weight=", "w="), STAFF);

        assertThat(response.statusCode()).as(text(response.body())).isEqualTo(400);
        JsonNode body = json(response.body());
        String message = body.has("errors") ? body.path("errors").get(0).path("message").asText()
                : body.path("error").asText();
        assertThat(message).as(text(response.body())).hasSizeLessThan(MAX_MESSAGE).doesNotContain("9x".repeat(30));
        assertThat(text(response.body())).contains(parameter);
    }

    private static void assertShortProblem(HttpResponse<byte[]> response, String path) {
        assertThat(response.statusCode()).as(text(response.body())).isEqualTo(400);
        assertThat(response.body().length).as(text(response.body())).isLessThan(1_000);
        JsonNode problem = json(response.body());
        assertThat(TestJson.invalidParameters(problem)).containsExactly(path);
        assertThat(problem.path("errors").get(0).path("message").asText()).hasSizeLessThan(MAX_MESSAGE);
        assertThat(CALLS).hasValue(0);
    }
}
