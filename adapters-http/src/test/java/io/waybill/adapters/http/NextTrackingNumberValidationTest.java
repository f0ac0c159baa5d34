package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.SAMPLE_QUERY;
import static io.waybill.adapters.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.TestServer.RawResponse;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NextTrackingNumberValidationTest {

    private static final AtomicInteger CALLS = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.issuing(CALLS));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetCalls() {
        CALLS.set(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "origin_country_id=MY&                  | ''                             | origin_country_id | is required",
        "origin_country_id=MY                   | origin_country_id=XX           | origin_country_id | must be an assigned",
        "weight=1.234                           | weight=abc                     | weight            | must be a decimal",
        "created_at=2018-11-20T19:29:32%2B08:00 | created_at=invalid-date-format | created_at        | must be an RFC 3339",
    })
    void rejectsTheOriginalSuitesBadRequests(String sampleText, String replacement, String parameter, String message) {
        HttpResponse<byte[]> response = server.get("/next-tracking-number?" + SAMPLE_QUERY.replace(sampleText, replacement));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("instance").asText()).isEqualTo("/next-tracking-number");
        assertThat(problem.get("detail").asText()).isEqualTo("1 query parameter is invalid");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("parameter").asText()).isEqualTo(parameter);
        assertThat(problem.get("errors").get(0).get("message").asText()).startsWith(message);
        assertThat(CALLS).hasValue(0);
    }

    @Test
    void namesEveryBadParameterAtOnce() {
        String query = "origin_country_id=XX&destination_country_id=my&weight=0&created_at=2018-11-20"
                + "&customer_id=de619854-b59b-425e-9db4&customer_name=%20%20&customer_slug=Red_Box";

        HttpResponse<byte[]> response = server.get("/next-tracking-number?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response.body());
        assertThat(problem.get("detail").asText()).isEqualTo("7 query parameters are invalid");
        assertThat(parameters(problem)).containsExactly("origin_country_id", "destination_country_id", "weight",
                "created_at", "customer_id", "customer_name", "customer_slug");
        assertThat(problem.get("errors").get(0).get("message").asText()).endsWith("got 'XX'");
        assertThat(problem.get("errors").get(2).get("message").asText()).startsWith("must be more than 0 kg");
        assertThat(problem.get("errors").get(5).get("message").asText()).isEqualTo("must not be blank");
        assertThat(CALLS).hasValue(0);
    }

    @Test
    void rejectsAParameterGivenTwice() {
        HttpResponse<byte[]> response = server.get("/next-tracking-number?" + SAMPLE_QUERY + "&weight=1.234");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response.body()).get("errors").get(0);
        assertThat(error.get("parameter").asText()).isEqualTo("weight");
        assertThat(error.get("message").asText()).isEqualTo("is given more than once");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "customer_name=Red%zzBox    | is not correctly percent-encoded",
        "customer_name=RedBox%      | is not correctly percent-encoded",
        "customer_name=Red%2        | is not correctly percent-encoded",
        "customer_name=Red%ff%feBox | is not valid UTF-8 once percent-decoded",
        "customer_name=%E7%B4       | is not valid UTF-8 once percent-decoded",
    })
    void namesAParameterThatCannotBeDecoded(String customerName, String message) {
        String query = SAMPLE_QUERY.replace("customer_name=RedBox%20Logistics", customerName);

        RawResponse response = server.raw("/next-tracking-number?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode error = json(response.body()).get("errors").get(0);
        assertThat(error.get("parameter").asText()).isEqualTo("customer_name");
        assertThat(error.get("message").asText()).startsWith(message);
        assertThat(CALLS).hasValue(0);
    }

    @Test
    void refusesValuesLongerThanAnyValidOne() {
        String query = SAMPLE_QUERY.replace("customer_slug=redbox-logistics", "customer_slug=" + "a-".repeat(5_000));

        HttpResponse<byte[]> response = server.get("/next-tracking-number?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response.body()).get("errors").get(0);
        assertThat(error.get("parameter").asText()).isEqualTo("customer_slug");
        assertThat(error.get("message").asText()).isEqualTo("must be at most 1000 characters long");
    }

    @Test
    void answersARequestLineWithARawSpaceWithProblemDetails() {
        RawResponse response = server.raw("/next-tracking-number?customer_name=Red Box");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(json(response.body()).get("status").asInt()).isEqualTo(400);
        assertThat(CALLS).hasValue(0);
    }

    private static List<String> parameters(JsonNode problem) {
        List<String> names = new ArrayList<>();
        problem.get("errors").forEach(error -> names.add(error.get("parameter").asText()));
        return names;
    }
}
