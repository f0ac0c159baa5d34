package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.cache.CacheSettings;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.adapters.http.RateLimitSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits of instances that share a Redis hold in total, not per instance; with Redis gone each instance limits
 * on its own and keeps serving.
 */
class RateLimitsAcrossInstancesTest {

    private static final String KEY = "rate-limit-test-key-0123456789";
    /** A token a second and bursts of 10: a test's few seconds add only a few tokens. */
    private static final RateLimitSettings LIMITS = new RateLimitSettings(1, 10, 0, 1, List.of());
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Waybill> instances = new ArrayList<>();
    private TestRedis redis;

    @AfterEach
    void stop() {
        instances.forEach(Waybill::close);
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void twoInstancesOnOneRedisPrefixHoldTheLimitInTotal() {
        redis = TestRedis.connect();
        Waybill first = start(redis.cacheSettings());
        Waybill second = start(redis.cacheSettings());

        long started = System.nanoTime();
        int served = 0;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> response = generate(i % 2 == 0 ? first : second);
            if (response.statusCode() == 200) {
                served++;
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }
        long tokensSince = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
        assertThat(served).as("a burst of 10 in total, plus a token a second and at most a token an instance near the"
                + " limit; 20 if each instance counted alone").isBetween(10, 10 + 2 + (int) tokensSince);
        assertThat(redis.keys()).contains(redis.prefix() + "ratelimit:v1:ip:127.0.0.1");
    }

    @Test
    void withRedisDownEachInstanceLimitsOnItsOwnAndKeepsServing() throws IOException {
        URI nothingThere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothingThere = URI.create("redis://127.0.0.1:" + socket.getLocalPort());
        }
        Waybill instance = start(CacheSettings.defaults().withRedisUrl(nothingThere));
        long started = System.nanoTime();
        int served = 0;
        HttpResponse<String> response = generate(instance);
        for (int i = 0; i < 40 && response.statusCode() == 200; i++) {
            served++;
            response = generate(instance);
        }
        long tokensSince = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
        // Before the first settlement finds Redis gone, the instance may grant its credit, a quarter of the burst.
        assertThat(served).as("the local burst, the credit, and a token a second")
                .isBetween(10, 10 + 2 + (int) tokensSince);
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("RateLimit-Policy")).contains("\"public\";q=10;w=10");
    }

    private Waybill start(CacheSettings cache) {
        Waybill waybill = Waybill.start(WaybillConfig.embedded()
                .withCache(cache)
                .withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY)))
                .withRateLimits(LIMITS));
        instances.add(waybill);
        return waybill;
    }

    private static HttpResponse<String> generate(Waybill waybill) {
        URI uri = URI.create("http://127.0.0.1:" + waybill.httpPort().orElseThrow() + "/next-tracking-number?"
                + Orders.SAMPLE_QUERY);
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
