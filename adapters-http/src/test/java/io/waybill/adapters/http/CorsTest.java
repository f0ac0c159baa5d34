package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CORS: off unless origins are allowed, and then for those origins only. */
class CorsTest {

    private static final String ALLOWED = "https://shop.example.com";
    private static final String LOOKUP = "/api/v1/shipments/TN12345678";

    @Test
    void offByDefault() {
        try (TestServer server = start(List.of())) {
            HttpResponse<byte[]> lookup = server.get(LOOKUP, "Origin", ALLOWED);
            HttpResponse<byte[]> preflight = preflight(server, ALLOWED);

            assertThat(lookup.statusCode()).isEqualTo(200);
            assertNoCors(lookup);
            assertThat(lookup.headers().firstValue("Vary")).hasValue("Authorization, X-API-Key");
            assertThat(preflight.statusCode()).isEqualTo(405);
            assertNoCors(preflight);
        }
    }

    @Test
    void anAllowedOriginMayReadAnswersAndErrors() {
        try (TestServer server = start(List.of("https://other.example:8443", ALLOWED))) {
            HttpResponse<byte[]> lookup = server.get(LOOKUP, "Origin", ALLOWED);
            HttpResponse<byte[]> refused = server.get("/api/v1/shipments", "Origin", ALLOWED);

            assertThat(lookup.statusCode()).isEqualTo(200);
            assertThat(refused.statusCode()).isEqualTo(401);
            for (HttpResponse<byte[]> response : List.of(lookup, refused)) {
                assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
                assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                        .contains("Location", "Retry-After", "RateLimit", "Idempotent-Replayed", "X-Request-Id");
                assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
                assertThat(response.headers().allValues("Vary")).containsExactly("Origin, Authorization, X-API-Key");
            }
        }
    }

    @Test
    void anAllowedOriginsPreflightIsAnswered() {
        try (TestServer server = start(List.of(ALLOWED))) {
            HttpResponse<byte[]> preflight = preflight(server, ALLOWED);

            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, HEAD, POST, OPTIONS");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                    .hasValue("Authorization, X-API-Key, Content-Type, Idempotency-Key, X-Request-Id");
            assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
            assertThat(preflight.headers().allValues("Vary")).contains("Origin");
            assertThat(preflight.body()).isEmpty();
        }
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        try (TestServer server = start(List.of(ALLOWED))) {
            HttpResponse<byte[]> lookup = server.get(LOOKUP, "Origin", "https://evil.example");
            HttpResponse<byte[]> lookalike = server.get(LOOKUP, "Origin", ALLOWED + ".evil.example");
            HttpResponse<byte[]> preflight = preflight(server, "https://evil.example");
            HttpResponse<byte[]> staff = server.get(LOOKUP, "Origin", "null", STAFF[0], STAFF[1]);

            assertThat(lookup.statusCode()).isEqualTo(200);
            assertNoCors(lookup);
            assertNoCors(lookalike);
            assertNoCors(staff);
            // Still Vary: Origin, so that a cache does not hand this answer to the allowed origin.
            assertThat(lookup.headers().allValues("Vary")).containsExactly("Origin, Authorization, X-API-Key");
            assertThat(preflight.statusCode()).isEqualTo(405);
            assertNoCors(preflight);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "null", "https://shop.example.com/", "https://shop.example.com/track",
            "ftp://shop.example.com", "https://user@shop.example.com", "shop.example.com", "https://shop.example.com:x",
            "https://shop..example.com", "https://shop.example.com?a=1"})
    void refusesAnOriginThatIsNotSchemeHostAndPort(String origin) {
        assertThatThrownBy(() -> new HttpSettings("127.0.0.1", 0, List.of(TestServer.KEY), 1).withCorsOrigins(List.of(origin)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http(s)://host[:port]");
    }

    @Test
    void takesOriginsInAnyCase() {
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, List.of(TestServer.KEY), 1)
                .withCorsOrigins(List.of("HTTPS://Shop.Example.com", "http://127.0.0.1:3000", "http://[::1]:8080"));

        assertThat(settings.corsOrigins())
                .containsExactly("https://shop.example.com", "http://127.0.0.1:3000", "http://[::1]:8080");
        assertThat(settings.withAddress("0.0.0.0", 8080).corsOrigins()).isEqualTo(settings.corsOrigins());
    }

    private static TestServer start(List<String> origins) {
        HttpSettings defaults = TestServer.settings();
        return TestServer.start(defaults.withAddress(defaults.host(), 0).withCorsOrigins(origins),
                TestUseCases.builder().findShipment(TestUseCases.finding(TestShipments.ALL)).build());
    }

    private static HttpResponse<byte[]> preflight(TestServer server, String origin) {
        return server.send("OPTIONS", "/api/v1/shipments", "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type");
    }

    private static void assertNoCors(HttpResponse<byte[]> response) {
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }
}
