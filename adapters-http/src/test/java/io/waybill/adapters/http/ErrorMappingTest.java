package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.SAMPLE_QUERY;
import static io.waybill.adapters.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.TestServer.RawResponse;
import io.waybill.application.port.in.IssueTrackingNumberUseCase;
import io.waybill.application.port.out.StorageUnavailableException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorMappingTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    // The customer's name tells the use case how to fail.
    private static final IssueTrackingNumberUseCase FAILING = order -> {
        switch (order.customer().name().value()) {
            case "storage-down" -> throw new StorageUnavailableException("commit timed out", null);
            case "bug" -> throw new IllegalStateException("secret internals");
            case "fatal" -> throw new StackOverflowError("deep");
            default -> throw new AssertionError("unexpected order " + order);
        }
    };

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(FAILING);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void answersAnUnknownPathWith404() {
        HttpResponse<byte[]> response = server.send("GET", "/no-such-thing", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        JsonNode problem = json(response.body());
        assertThat(problem.get("title").asText()).isEqualTo("Not Found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("instance").asText()).isEqualTo("/no-such-thing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "DELETE", "PUT"})
    void answersAWrongMethodWith405AndTheAllowedOnes(String method) {
        HttpResponse<byte[]> response = server.send(method, "/next-tracking-number?" + SAMPLE_QUERY);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        JsonNode problem = json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(405);
        assertThat(problem.get("detail").asText()).startsWith(method + " is not supported");
    }

    @Test
    void answersUnavailableStorageWith503AndRetryAfter() {
        HttpResponse<byte[]> response = server.get("/next-tracking-number?" + failingWith("storage-down"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        JsonNode problem = json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asText()).isEqualTo("Storage is unavailable for now; the request can be retried");
        assertThat(problem.toString()).doesNotContain("commit timed out");
    }

    @Test
    void answersAnUnexpectedExceptionWith500WithoutItsMessage() {
        HttpResponse<byte[]> response = server.get("/next-tracking-number?" + failingWith("bug"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
        JsonNode problem = json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(500);
        assertThat(problem.get("instance").asText()).isEqualTo("/next-tracking-number");
        assertThat(problem.toString()).doesNotContain("secret internals");
    }

    @Test
    void answersAnErrorThrownByAUseCaseWith500ProblemDetails() {
        HttpResponse<byte[]> response = server.get("/next-tracking-number?" + failingWith("fatal"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        assertThat(json(response.body()).get("status").asInt()).isEqualTo(500);
    }

    @Test
    void answersWhatJettyRefusesWithProblemDetails() {
        RawResponse badPath = server.raw("/next-tracking-number%zz");
        RawResponse tooLong = server.raw("/next-tracking-number?customer_name=" + "a".repeat(70_000));

        assertThat(badPath.status()).isEqualTo(400);
        assertThat(badPath.headers()).containsEntry("content-type", PROBLEM_JSON);
        assertThat(json(badPath.body()).get("status").asInt()).isEqualTo(400);
        assertThat(tooLong.status()).isEqualTo(414);
        assertThat(tooLong.headers()).containsEntry("content-type", PROBLEM_JSON);
        assertThat(json(tooLong.body()).get("title").asText()).isEqualTo("URI Too Long");
    }

    @Test
    void sendsAnExactLengthAndNoCompressionWhenTheClientAcceptsGzip() {
        String longPath = "/" + "x".repeat(3_000);

        HttpResponse<byte[]> response = server.send("GET", longPath, "Accept-Encoding", "gzip");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
        assertThat(json(response.body()).get("instance").asText()).isEqualTo(longPath);
    }

    private static String failingWith(String customerName) {
        return SAMPLE_QUERY.replace("RedBox%20Logistics", customerName);
    }
}
