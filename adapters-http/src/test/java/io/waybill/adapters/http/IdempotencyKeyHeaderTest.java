package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.SAMPLE_QUERY;
import static io.waybill.adapters.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.TestServer.RawResponse;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code Idempotency-Key} header of {@code GET /next-tracking-number}: validated, replayed, never mixed up. */
class IdempotencyKeyHeaderTest {

    private static final String PATH = "/next-tracking-number?" + SAMPLE_QUERY;
    private static final AtomicInteger PLAIN_CALLS = new AtomicInteger();
    private static final AtomicInteger KEYED_CALLS = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder()
                .issueTrackingNumber(TestUseCases.issuing(PLAIN_CALLS))
                .issueTrackingNumberOnce(TestUseCases.issuingOnce(KEYED_CALLS))
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetCalls() {
        PLAIN_CALLS.set(0);
        KEYED_CALLS.set(0);
    }

    @Test
    void theSameKeyIsAnsweredTheSameBodyMarkedAsAReplay() {
        String key = UUID.randomUUID().toString();

        HttpResponse<byte[]> first = server.get(PATH, "Idempotency-Key", key);
        HttpResponse<byte[]> again = server.get(PATH, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(new String(again.body(), StandardCharsets.UTF_8))
                .isEqualTo(new String(first.body(), StandardCharsets.UTF_8));
        assertThat(KEYED_CALLS).hasValue(2);
        assertThat(PLAIN_CALLS).hasValue(0);
    }

    @Test
    void anotherKeyGetsAnotherNumber() {
        JsonNode first = json(server.get(PATH, "Idempotency-Key", UUID.randomUUID().toString()).body());
        JsonNode second = json(server.get(PATH, "Idempotency-Key", UUID.randomUUID().toString()).body());

        assertThat(second.get("tracking_number").asText()).isNotEqualTo(first.get("tracking_number").asText());
    }

    @Test
    void withoutTheHeaderEveryRequestGetsANewNumber() {
        JsonNode first = json(server.get(PATH).body());
        JsonNode second = json(server.get(PATH).body());

        assertThat(second.get("tracking_number").asText()).isNotEqualTo(first.get("tracking_number").asText());
        assertThat(PLAIN_CALLS).hasValue(2);
        assertThat(KEYED_CALLS).hasValue(0);
    }

    @Test
    void theSameKeyWithOtherParametersIs422() {
        String key = UUID.randomUUID().toString();
        server.get(PATH, "Idempotency-Key", key);

        HttpResponse<byte[]> response = server.get(PATH.replace("weight=1.234", "weight=2"), "Idempotency-Key", key);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Idempotent-Replayed")).isEmpty();
        JsonNode problem = json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("detail").asText()).contains("Idempotency-Key", "other parameters");
        assertThat(problem.has("tracking_number")).isFalse();
    }

    @Test
    void aKeyOf255CharactersIsTaken() {
        HttpResponse<byte[]> response = server.get(PATH, "Idempotency-Key", "k".repeat(255));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(KEYED_CALLS).hasValue(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Idempotency-Key:                                | must not be empty",
        "Idempotency-Key: <256>                          | must be at most 255 characters long; got 256",
        "Idempotency-Key: with\\ttab                     | must be printable ASCII, such as a UUID",
        "Idempotency-Key: caf\u00e9                      | must be printable ASCII, such as a UUID",
        "Idempotency-Key: one\\r\\nIdempotency-Key: two  | must be given once",
    })
    void aMalformedKeyIs400NamingTheHeader(String headers, String message) {
        String head = "GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + headers.replace("<256>", "k".repeat(256)).replace("\\t", "\t").replace("\\r\\n", "\r\n")
                + "\r\nConnection: close\r\n\r\n";

        RawResponse response = server.raw(head, out -> {});

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(problem.get("detail").asText()).isEqualTo("1 header is invalid");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("parameter").asText()).isEqualTo("Idempotency-Key");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo(message);
        assertThat(KEYED_CALLS).hasValue(0);
        assertThat(PLAIN_CALLS).hasValue(0);
    }

    @Test
    void aKeyWithInvalidParametersIs400NamingThem() {
        HttpResponse<byte[]> response =
                server.get(PATH.replace("origin_country_id=MY", "origin_country_id=XX"), "Idempotency-Key", "k-1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("errors").get(0).get("parameter").asText()).isEqualTo("origin_country_id");
        assertThat(KEYED_CALLS).hasValue(0);
    }
}
