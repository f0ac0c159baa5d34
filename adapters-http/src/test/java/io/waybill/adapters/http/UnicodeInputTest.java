package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.TestServer.RawResponse;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text that is not valid Unicode is refused with a 400 naming where it is, never stored changed: a lone surrogate
 * escaped in JSON, bytes in a query or path that are not UTF-8, sent raw or percent-encoded.
 */
class UnicodeInputTest {

    private static final AtomicInteger CALLS = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder()
                .issueTrackingNumber(TestUseCases.issuing(CALLS))
                .registerShipment(command -> {
                    CALLS.incrementAndGet();
                    return TestShipments.PUBLIC;
                })
                .recordTrackingEvents(command -> {
                    CALLS.incrementAndGet();
                    return TestShipments.PUBLIC.record(command.events().stream().map(TestUseCases::event).toList());
                })
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void forget() {
        CALLS.set(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/shipments | {\"receiver\": {\"name\": \"\\ud800\"}} | receiver.name",
            "/api/v1/shipments | {\"articles\": [{\"name\": \"tea\\udc00\", \"quantity\": 1}]} | articles[0].name",
            "/api/v1/shipments | {\"sender\": {\"name\": \"a\\ud83d\"}, \"carrier\": \"DHL\"} | sender.name",
            "/api/v1/shipments/TN12345678/events | [{\"time\": \"2026-11-21T09:00:00+08:00\", \"status\":"
                    + " \"in_transit\", \"description\": \"\\udfff\\ud800\"}] | [0].description",
            "/shipment/ | {\"tracking_number\": \"TN12345678\", \"carrier\": \"\\ud800\"} | carrier"})
    void refusesALoneSurrogateInABodyNamingTheField(String path, String body, String field) {
        HttpResponse<byte[]> response = server.post(path, body, STAFF);

        assertThat(response.statusCode()).as(text(response.body())).isEqualTo(400);
        JsonNode problem = json(response.body());
        assertThat(TestJson.invalidParameters(problem)).as(text(response.body())).containsExactly(field);
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("not valid Unicode");
        assertThat(CALLS).hasValue(0);
    }

    @Test
    void acceptsAPairedSurrogateEscape() {
        HttpResponse<byte[]> response = server.post("/api/v1/shipments", "{\"tracking_number\": \"TN24681357\","
                + " \"carrier\": \"DHL\", \"receiver\": {\"name\": \"\\ud83d\\udce6 box\"}}", STAFF);

        assertThat(response.statusCode()).as(text(response.body())).isEqualTo(201);
    }

    @ParameterizedTest
    @CsvSource({"customer_name, Red\u00ffBox", "customer_name, Red\u00c3Box", "customer_slug, red\u00edbox",
            "customer_name, %FF", "customer_name, Red%ED%A0%80Box"})
    void refusesAQueryValueThatIsNotUtf8NamingTheParameter(String parameter, String value) {
        String query = TestServer.SAMPLE_QUERY.replaceAll(parameter + "=[^&]*", parameter + "=" + value);

        RawResponse response = rawLatin1("/next-tracking-number?" + query);

        assertThat(response.status()).as(text(response.body())).isEqualTo(400);
        assertThat(TestJson.invalidParameters(json(response.body()))).containsExactly(parameter);
        assertThat(CALLS).hasValue(0);
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/shipments/TN1234567\u00ff", "/api/v1/shipments/TN1234567%FF",
            "/api/v1/shipments/TN12345678/events%C0%AF", "/api/v1/shipments/TN1234%u0041"})
    void refusesAPathThatIsNotUtf8(String path) {
        RawResponse response = rawLatin1(path);

        assertThat(response.status()).as(text(response.body())).isEqualTo(400);
        assertThat(response.headers().get("content-type")).isEqualTo(Problem.CONTENT_TYPE);
    }

    /** Sends the target's characters up to U+00FF as single bytes, so that {@code \u00ff} is the byte 0xFF. */
    private static RawResponse rawLatin1(String target) {
        String head = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        return server.raw("", out -> out.write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    }
}
