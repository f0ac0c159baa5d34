package io.waybill.adapters.cache;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The local Redis for tests, with a key prefix of each test's own. When Redis cannot be reached, the test is skipped
 * on a developer's machine and fails under CI ({@code CI=true}).
 */
final class TestRedis {

    static final URI URL = URI.create(System.getenv().getOrDefault("WAYBILL_TEST_REDIS_URL", "redis://127.0.0.1:6379"));

    private TestRedis() {}

    static String newPrefix() {
        return "waybill-test-" + UUID.randomUUID().toString().substring(0, 13) + ":";
    }

    /**
     * Settings for the local Redis, or another address of it such as a proxy's, under {@code prefix}; with a near
     * cache of {@code nearEntries} numbers, none when 0.
     */
    static CacheSettings settings(URI url, String prefix, Duration ttl, Duration negativeTtl, Duration timeout,
            Duration retryAfter, long nearEntries) {
        return new CacheSettings(Optional.of(url), ttl, negativeTtl, timeout, retryAfter, prefix, nearEntries);
    }

    /** A plain client to look at the keys behind the cache; skips or fails the test when Redis is unreachable. */
    static RedisClient client() {
        RedisClient client = RedisClient.builder()
                .hostAndPort(URL.getHost(), CacheSettings.port(URL))
                .clientConfig(DefaultJedisClientConfig.builder().timeoutMillis(2000).build())
                .build();
        try {
            client.ping();
        } catch (RuntimeException e) {
            client.close();
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("Redis is required under CI but unreachable at " + URL, e);
            }
            Assumptions.abort("Redis unreachable at " + URL + ": " + e.getMessage());
        }
        return client;
    }

    static void deleteKeys(RedisClient client, String prefix) {
        ScanParams params = new ScanParams().match(prefix + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = client.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
                client.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
}
