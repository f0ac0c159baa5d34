package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.KEY;
import static io.waybill.adapters.http.TestServer.OTHER_KEY;
import static io.waybill.adapters.http.TestServer.SAMPLE_QUERY;
import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.WRONG_KEY;
import static io.waybill.adapters.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.ListShipmentsUseCase.Page;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTest {

    static final String EVENT = "{\"time\": \"2026-11-22T09:00:00+08:00\", \"status\": \"out_for_delivery\"}";

    /** Every route that looks at keys, with a request it answers with success. */
    enum Route {
        NEXT_TRACKING_NUMBER(false, "GET", "/next-tracking-number?" + SAMPLE_QUERY, null),
        SHIPMENT(false, "GET", "/api/v1/shipments/TN12345678", null),
        LEGACY_QUERY(false, "GET", "/query?sno=TN12345678", null),
        LEGACY_LOOKUP(false, "POST", "/shipment/", "{\"tracking_number\": \"TN12345678\"}"),
        LIST(true, "GET", "/api/v1/shipments", null),
        REGISTER(true, "POST", "/api/v1/shipments", "{\"tracking_number\": \"TN24681357\", \"carrier\": \"DHL\"}"),
        EVENTS(true, "POST", "/api/v1/shipments/TN12345678/events", EVENT),
        LEGACY_LIST(true, "GET", "/shipment/", null),
        LEGACY_LIST_WITHOUT_SLASH(true, "GET", "/shipment", null),
        IMPORT(true, "POST", "/api/v1/imports", ImportShipmentsTest.HEADER + ImportShipmentsTest.row("TN24681357"),
                ImportShipmentsTest.CSV);

        final boolean staffOnly;
        final String method;
        final String path;
        final String body;
        final String contentType;

        Route(boolean staffOnly, String method, String path, String body) {
            this(staffOnly, method, path, body, "application/json");
        }

        Route(boolean staffOnly, String method, String path, String body, String contentType) {
            this.staffOnly = staffOnly;
            this.method = method;
            this.path = path;
            this.body = body;
            this.contentType = contentType;
        }

        HttpResponse<byte[]> send(TestServer server, String... headers) {
            if (body == null) {
                return server.send(method, path, headers);
            }
            return server.post(path, body, Stream.concat(Stream.of("Content-Type", contentType), Stream.of(headers))
                    .toArray(String[]::new));
        }
    }

    private static final AtomicInteger CALLS = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder()
                .issueTrackingNumber(TestUseCases.issuing(new AtomicInteger()))
                .findShipment(TestUseCases.finding(TestShipments.ALL))
                .listShipments(query -> {
                    CALLS.incrementAndGet();
                    return new Page(List.of(), Optional.empty());
                })
                .registerShipment(command -> TestShipments.PUBLIC)
                .recordTrackingEvents(command -> TestShipments.PUBLIC.record(
                        command.events().stream().map(TestUseCases::event).toList()))
                .importShipments(ImportShipmentsTest.READING)
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void withoutAKeyStaffRoutesAnswer401AndTheOthersThePublic(Route route) {
        HttpResponse<byte[]> response = route.send(server);

        if (route.staffOnly) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response.body()).get("detail").asText()).contains("API key");
        } else {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(TestServer.text(response.body())).doesNotContain("市府路1號");
        }
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void aWrongKeyIsRefusedWith403OnEveryRoute(Route route) {
        HttpResponse<byte[]> bearer = route.send(server, WRONG_KEY);
        HttpResponse<byte[]> header = route.send(server, "X-API-Key", "x");
        HttpResponse<byte[]> oneOfTwo = route.send(server, "Authorization", "Bearer " + KEY, "X-API-Key", "x");

        for (HttpResponse<byte[]> response : List.of(bearer, header, oneOfTwo)) {
            assertThat(response.statusCode()).isEqualTo(403);
            if (route.body != null) {
                assertThat(response.headers().firstValue("Connection")).as("the body was left unread")
                        .hasValue("close");
            }
            JsonNode body = json(response.body());
            String message = route == Route.LEGACY_QUERY ? body.get("error").asText() : body.get("detail").asText();
            assertThat(message).isEqualTo("The API key is not valid");
        }
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void aValidKeyInEitherHeaderOpensEveryRoute(Route route) {
        HttpResponse<byte[]> bearer = route.send(server, STAFF);
        HttpResponse<byte[]> header = route.send(server, "X-API-Key", OTHER_KEY);
        HttpResponse<byte[]> lowerCaseScheme = route.send(server, "Authorization", "bearer  " + KEY);

        for (HttpResponse<byte[]> response : List.of(bearer, header, lowerCaseScheme)) {
            assertThat(response.statusCode()).as(TestServer.text(response.body())).isBetween(200, 201);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic c3RhZmY6c2VjcmV0", "Token " + KEY})
    void anotherAuthorizationSchemeCarriesNoKey(String authorization) {
        assertThat(Route.LIST.send(server, "Authorization", authorization).statusCode()).isEqualTo(401);
        assertThat(Route.SHIPMENT.send(server, "Authorization", authorization).statusCode()).isEqualTo(200);
    }

    @Test
    void staffRoutesCheckTheKeyBeforeAnythingElse() {
        int before = CALLS.get();

        HttpResponse<byte[]> response = server.get("/api/v1/shipments?limit=zero");
        HttpResponse<byte[]> badBody = server.post("/api/v1/shipments", "{not json", "Content-Type", "text/plain");
        HttpResponse<byte[]> badImport = server.post("/api/v1/imports?mode=all", "", "Content-Type", "text/plain");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(badBody.statusCode()).isEqualTo(401);
        assertThat(badImport.statusCode()).isEqualTo(401);
        assertThat(CALLS).hasValue(before);
    }

    @Test
    void probesIgnoreKeys() {
        assertThat(server.get("/health", WRONG_KEY).statusCode()).isEqualTo(200);
        assertThat(server.get("/ready", WRONG_KEY).statusCode()).isEqualTo(200);
    }
}
