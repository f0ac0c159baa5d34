package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.KEY;
import static io.waybill.adapters.http.TestServer.OTHER_KEY;
import static io.waybill.adapters.http.TestServer.SAMPLE_QUERY;
import static io.waybill.adapters.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.TestServer.RawResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-client token buckets on the routes anyone may use: 429 past the limit, for that client alone. */
class RateLimitTest {

    private static final String NEXT = "/next-tracking-number?" + SAMPLE_QUERY;
    private static final String CLIENT = "127.0.0.1";
    private static final String OTHER_CLIENT = "127.0.0.2";

    private final CountingBuckets buckets = new CountingBuckets();
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(List<String> trustedProxies) {
        server = TestServer.start(TestUseCases.builder()
                        .issueTrackingNumber(TestUseCases.issuing(new AtomicInteger()))
                        .findShipment(TestUseCases.finding(TestShipments.ALL))
                        .build(),
                new RateLimitSettings(1, 3, 1, 2, trustedProxies), buckets);
    }

    @Test
    void aClientPastItsBucketGets429WithTheDraftsFieldsWhileAnotherAddressIsServed() {
        start(List.of());
        for (int i = 1; i <= 3; i++) {
            RawResponse served = get(CLIENT, NEXT);
            assertThat(served.status()).as("request %d", i).isEqualTo(200);
            assertThat(served.headers()).containsEntry("ratelimit-policy", "\"public\";q=3;w=3")
                    .containsEntry("ratelimit", "\"public\";r=" + (3 - i) + ";t=" + i)
                    .doesNotContainKey("retry-after");
        }
        RawResponse refused = get(CLIENT, NEXT);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers()).containsEntry("retry-after", "2")
                .containsEntry("ratelimit-policy", "\"public\";q=3;w=3")
                .containsEntry("ratelimit", "\"public\";r=0;t=3")
                .containsEntry("content-type", Problem.CONTENT_TYPE);
        JsonNode problem = json(refused.body());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asText()).contains("1 a second", "bursts of up to 3", "retry in 2 s");

        assertThat(get(OTHER_CLIENT, NEXT).status()).as("another address").isEqualTo(200);
    }

    @Test
    void everyRouteAnyoneMayUseIsLimitedAndSharesTheClientsBucket() {
        start(List.of());
        assertThat(get(CLIENT, NEXT).status()).isEqualTo(200);
        assertThat(get(CLIENT, "/api/v1/shipments/TN12345678").status()).isEqualTo(200);
        assertThat(send(CLIENT, "POST /shipment/", List.of("Content-Type: application/json"),
                "{\"tracking_number\": \"TN12345678\"}").status()).isEqualTo(200);

        assertThat(get(CLIENT, "/api/v1/shipments/TN12345678").status()).isEqualTo(429);
        assertThat(send(CLIENT, "POST /shipment/", List.of("Content-Type: application/json"),
                "{\"tracking_number\": \"TN12345678\"}").status()).isEqualTo(429);
        RawResponse legacy = get(CLIENT, "/query?sno=TN12345678");
        assertThat(legacy.status()).isEqualTo(429);
        assertThat(legacy.headers()).containsKey("retry-after");
        assertThat(json(legacy.body()).path("status").asText()).as("the legacy envelope").isEqualTo("error");
        assertThat(get(CLIENT, "/health").status()).as("probes are not limited").isEqualTo(200);
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBucket() {
        start(List.of("10.0.0.0/8", CLIENT));
        for (int i = 0; i < 3; i++) {
            assertThat(get(CLIENT, NEXT, "X-Forwarded-For: 203.0.113.7").status()).isEqualTo(200);
        }
        assertThat(get(CLIENT, NEXT, "X-Forwarded-For: 203.0.113.7").status()).isEqualTo(429);
        assertThat(get(CLIENT, NEXT, "X-Forwarded-For: 198.51.100.1, 203.0.113.7, 10.1.2.3").status())
                .as("a forged entry left of the client's, and a second trusted proxy").isEqualTo(429);
        assertThat(get(CLIENT, NEXT, "X-Forwarded-For: 203.0.113.7", "X-Forwarded-For: 10.1.2.3").status())
                .as("the entries of several headers, in order").isEqualTo(429);
        assertThat(get(CLIENT, NEXT, "X-Forwarded-For: 203.0.113.8").status()).as("another client").isEqualTo(200);
        assertThat(get(CLIENT, NEXT, "X-Forwarded-For: 2001:db8:1:2::1").status()).isEqualTo(200);
        assertThat(get(CLIENT, NEXT, "X-Forwarded-For: 203.0.113.9, unknown").status())
                .as("an entry that is not an address: the proxy that wrote it is the client").isEqualTo(200);
        assertThat(buckets.names()).containsExactlyInAnyOrder("ip:203.0.113.7", "ip:203.0.113.8",
                "ip:2001:db8:1:2::/64", "ip:" + CLIENT);
    }

    @Test
    void aForwardedForFromAnUntrustedPeerBuysNoNewBucket() {
        start(List.of("10.0.0.0/8"));
        for (int i = 0; i < 3; i++) {
            assertThat(get(CLIENT, NEXT, "X-Forwarded-For: 203.0.113." + i).status()).isEqualTo(200);
        }
        assertThat(get(CLIENT, NEXT, "X-Forwarded-For: 203.0.113.99").status()).isEqualTo(429);
        assertThat(get(CLIENT, NEXT).status()).isEqualTo(429);
        assertThat(buckets.names()).containsExactly("ip:" + CLIENT);
    }

    @Test
    void eachStaffKeyHasABucketOfItsOwnNamedByADigest() {
        start(List.of());
        for (int i = 0; i < 3; i++) {
            get(CLIENT, NEXT);
        }
        String bearer = "Authorization: Bearer " + KEY;
        RawResponse staff = get(CLIENT, NEXT, bearer);
        assertThat(staff.status()).as("the address is past its limit, the key is not").isEqualTo(200);
        assertThat(staff.headers()).containsEntry("ratelimit-policy", "\"staff\";q=2;w=2");
        assertThat(get(CLIENT, NEXT, bearer).status()).isEqualTo(200);
        RawResponse refused = get(CLIENT, NEXT, bearer);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers()).containsEntry("ratelimit", "\"staff\";r=0;t=2");
        assertThat(get(CLIENT, NEXT, "X-API-Key: " + OTHER_KEY).status()).as("another key").isEqualTo(200);

        assertThat(get(CLIENT, NEXT, "Authorization: Bearer made-up-key-0123456789").status())
                .as("a made-up key counts against its address").isEqualTo(429);
        assertThat(buckets.names()).hasSize(3).allSatisfy(name -> assertThat(name)
                .doesNotContain(KEY).doesNotContain(OTHER_KEY).doesNotContain("made-up"));
    }

    @Test
    void withoutLimitsNothingIsCountedOrSaid() {
        server = TestServer.start(TestUseCases.builder()
                .issueTrackingNumber(TestUseCases.issuing(new AtomicInteger())).build());
        for (int i = 0; i < 20; i++) {
            RawResponse served = get(CLIENT, NEXT);
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.headers()).doesNotContainKeys("ratelimit", "ratelimit-policy");
        }
    }

    private RawResponse get(String from, String target, String... headers) {
        return send(from, "GET " + target, List.of(headers), "");
    }

    /** One request on a connection of its own, from the local address {@code from}. */
    private RawResponse send(String from, String requestLine, List<String> headers, String body) {
        StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Connection: close\r\nContent-Length: ")
                .append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        headers.forEach(header -> head.append(header).append("\r\n"));
        head.append("\r\n").append(body);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return RawResponse.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
