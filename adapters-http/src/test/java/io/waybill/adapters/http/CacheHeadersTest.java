package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.WRONG_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a cache may keep, per route and audience: a staff view never, a public lookup only revalidated, and every
 * answer that depends on a key says so in {@code Vary}; every answer, Jetty's own included, forbids sniffing and
 * running anything.
 */
class CacheHeadersTest {

    private static final String X_API_KEY = "X-API-Key";
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder()
                .issueTrackingNumber(TestUseCases.issuing(new AtomicInteger()))
                .findShipment(TestUseCases.finding(TestShipments.ALL))
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/shipments/TN12345678", "/query?sno=TN12345678"})
    void aPublicLookupMayBeKeptOnlyIfRevalidatedAndVariesByKey(String path) {
        HttpResponse<byte[]> response = server.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertVariesByKey(response);
        assertNoSniffingNorScripts(response.headers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/shipments/TN12345678", "/query?sno=TN12345678"})
    void staffsViewIsNeverStored(String path) {
        HttpResponse<byte[]> bearer = server.get(path, STAFF);
        HttpResponse<byte[]> apiKey = server.get(path, X_API_KEY, TestServer.KEY);

        for (HttpResponse<byte[]> response : java.util.List.of(bearer, apiKey)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
            assertVariesByKey(response);
            assertNoSniffingNorScripts(response.headers());
        }
    }

    @Test
    void theLegacyPostLookupIsNotStoredForAnyone() {
        String body = "{\"tracking_number\": \"TN12345678\"}";
        HttpResponse<byte[]> anyone = server.post("/shipment/", body);
        HttpResponse<byte[]> staff = server.post("/shipment/", body, STAFF);

        assertThat(anyone.statusCode()).isEqualTo(200);
        assertThat(anyone.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertVariesByKey(anyone);
        assertThat(staff.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertVariesByKey(staff);
    }

    @Test
    void refusalsAndMissesOfKeyedRoutesVaryByKeyAndAreNotStored() {
        HttpResponse<byte[]> wrongKey = server.get("/api/v1/shipments/TN12345678", WRONG_KEY);
        HttpResponse<byte[]> unknown = server.get("/api/v1/shipments/" + TestShipments.UNKNOWN_NUMBER);
        HttpResponse<byte[]> hidden = server.get("/query?sno=TN87654321");

        assertThat(wrongKey.statusCode()).isEqualTo(403);
        assertThat(wrongKey.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(hidden.statusCode()).isEqualTo(404);
        for (HttpResponse<byte[]> response : java.util.List.of(unknown, hidden)) {
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        for (HttpResponse<byte[]> response : java.util.List.of(wrongKey, unknown, hidden)) {
            assertVariesByKey(response);
            assertNoSniffingNorScripts(response.headers());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/shipments", "/shipment", "/fake"})
    void staffOnlyRoutesArePrivateEvenWhenRefused(String path) {
        HttpResponse<byte[]> response = server.get(path);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertVariesByKey(response);
        assertNoSniffingNorScripts(response.headers());
    }

    @Test
    void aWriteIsRefusedUnstored() {
        HttpResponse<byte[]> response = server.post("/api/v1/shipments", "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertVariesByKey(response);
    }

    @Test
    void aTrackingNumberIsNeverStored() {
        HttpResponse<byte[]> anyone = server.get("/next-tracking-number?" + TestServer.SAMPLE_QUERY);
        HttpResponse<byte[]> staff = server.get("/next-tracking-number?" + TestServer.SAMPLE_QUERY, STAFF);

        assertThat(anyone.statusCode()).isEqualTo(200);
        assertThat(anyone.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertVariesByKey(anyone);
        assertThat(staff.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertNoSniffingNorScripts(anyone.headers());
    }

    @Test
    void probesAreNotStoredAndDoNotVary() {
        for (String path : new String[] {"/health", "/ready"}) {
            HttpResponse<byte[]> response = server.get(path);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.headers().firstValue("Vary")).isEmpty();
            assertNoSniffingNorScripts(response.headers());
        }
        assertThat(server.get("/health", STAFF).headers().firstValue("Cache-Control")).hasValue("private, no-store");
    }

    @Test
    void problemsOfNoRouteCarryTheSameHeaders() {
        HttpResponse<byte[]> notFound = server.get("/nothing-here");
        HttpResponse<byte[]> notAllowed = server.send("DELETE", "/health");

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notAllowed.statusCode()).isEqualTo(405);
        for (HttpResponse<byte[]> response : java.util.List.of(notFound, notAllowed)) {
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertNoSniffingNorScripts(response.headers());
        }
    }

    @Test
    void whatJettyRefusesItselfCarriesTheSameHeaders() {
        TestServer.RawResponse malformed = server.raw("/api/v1/shipments/%zz");
        TestServer.RawResponse keyed = server.raw("GET /a%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: "
                + TestServer.KEY + "\r\nConnection: close\r\n\r\n", out -> {});

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.headers()).containsEntry("cache-control", "private, no-store")
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
        assertThat(keyed.status()).isEqualTo(400);
        assertThat(keyed.headers()).containsEntry("cache-control", "private, no-store");
    }

    private static void assertVariesByKey(HttpResponse<byte[]> response) {
        assertThat(response.headers().allValues("Vary")).containsExactly("Authorization, X-API-Key");
    }

    private static void assertNoSniffingNorScripts(HttpHeaders headers) {
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    }
}
