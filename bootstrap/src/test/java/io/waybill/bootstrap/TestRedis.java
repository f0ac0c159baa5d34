package io.waybill.bootstrap;

import io.waybill.adapters.cache.CacheSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The local Redis for a test, under a key prefix of its own whose keys are deleted on close. Without Redis, the
 * test is skipped on a developer's machine and fails under CI ({@code CI=true}), as {@link TestDatabase} does.
 */
final class TestRedis implements AutoCloseable {

    static final URI URL = URI.create(System.getenv().getOrDefault("WAYBILL_TEST_REDIS_URL", "redis://127.0.0.1:6379"));

    private final RedisClient client;
    private final String prefix = "waybill-e2e-" + UUID.randomUUID().toString().substring(0, 13) + ":";

    private TestRedis(RedisClient client) {
        this.client = client;
    }

    static TestRedis connect() {
        RedisClient client = RedisClient.builder()
                .hostAndPort(URL.getHost(), URL.getPort() < 0 ? 6379 : URL.getPort())
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
        return new TestRedis(client);
    }

    /**
     * The default cache settings in this Redis under this prefix; with a timeout of a second rather than 100 ms,
     * so that a busy test machine does not open the circuit breaker and quietly bypass Redis.
     */
    CacheSettings cacheSettings() {
        CacheSettings defaults = CacheSettings.defaults();
        return new CacheSettings(Optional.of(URL), defaults.ttl(), defaults.negativeTtl(), Duration.ofSeconds(1),
                defaults.retryAfter(), prefix, defaults.maxEntries());
    }

    String prefix() {
        return prefix;
    }

    /** Every key under this prefix. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        ScanParams params = new ScanParams().match(prefix + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = client.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    /** Deletes every key under this prefix. */
    @Override
    public void close() {
        try {
            List<String> keys = keys();
            if (!keys.isEmpty()) {
                client.del(keys.toArray(String[]::new));
            }
        } finally {
            client.close();
        }
    }
}
