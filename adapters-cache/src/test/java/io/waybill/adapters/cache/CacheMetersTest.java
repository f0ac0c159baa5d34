package io.waybill.adapters.cache;

import static io.waybill.application.contract.CachedShipments.newNumber;
import static io.waybill.application.contract.CachedShipments.rich;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.contract.CountingMetrics;
import io.waybill.application.contract.Poll;
import io.waybill.application.contract.TcpProxy;
import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.CarrierTrackingNumber;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Each layer of the cache counts its own hits and misses, in {@code waybill.cache.gets}. */
class CacheMetersTest {

    private static final Duration LONG = Duration.ofHours(1);

    private final CountingMetrics metrics = new CountingMetrics();

    @Test
    void inProcessCountsItsHitsAndMisses() {
        CacheSettings defaults = CacheSettings.defaults();
        try (Caches caches = Caches.open(new CacheSettings(Optional.empty(), LONG, LONG, defaults.redisTimeout(),
                defaults.retryAfter(), defaults.keyPrefix(), 100), metrics)) {
            ShipmentCache cache = caches.shipments();
            CarrierTrackingNumber number = newNumber();
            cache.get(number);
            cache.offer(number, List.of(rich(number, "DHL", 0)));
            cache.get(number);
            cache.get(number);

            assertThat(gets("in-process", "miss")).isEqualTo(1);
            assertThat(gets("in-process", "hit")).isEqualTo(2);
        }
    }

    @Test
    void withRedisTheNearCacheAndRedisEachCountTheLookupsThatReachThem() {
        RedisClient redis = TestRedis.client();
        String prefix = TestRedis.newPrefix();
        try (Caches caches = Caches.open(TestRedis.settings(TestRedis.URL, prefix, LONG, LONG, Duration.ofSeconds(2),
                Duration.ofMillis(100), 1000), metrics)) {
            ShipmentCache cache = caches.shipments();
            CarrierTrackingNumber number = newNumber();
            assertThat(cache.get(number)).isEmpty();
            assertThat(gets("redis", "miss")).isEqualTo(1);

            cache.offer(number, List.of(rich(number, "DHL", 0)));
            // Redis answers until the near cache is open (once Redis reports changes), then the near cache does.
            Poll.until("a lookup answered from memory", () -> {
                cache.get(number);
                return gets("near", "hit") > 0;
            }, Duration.ofSeconds(5));
            assertThat(gets("redis", "hit")).isPositive();
            long redisHits = gets("redis", "hit");
            cache.get(number);
            assertThat(gets("redis", "hit")).as("a near hit does not reach Redis").isEqualTo(redisHits);
            assertThat(gets("redis", "error") + gets("redis", "skipped")).isZero();
        } finally {
            TestRedis.deleteKeys(redis, prefix);
            redis.close();
        }
    }

    @Test
    void aFailingRedisCountsItsErrorThenTheLookupsItSkips() throws IOException {
        RedisClient redis = TestRedis.client();
        String prefix = TestRedis.newPrefix();
        try (TcpProxy proxy = new TcpProxy(TestRedis.URL.getHost(), CacheSettings.port(TestRedis.URL));
                Caches caches = Caches.open(TestRedis.settings(proxy.url(), prefix, LONG, LONG,
                        Duration.ofMillis(250), LONG, 0), metrics)) {
            ShipmentCache cache = caches.shipments();
            CarrierTrackingNumber number = newNumber();
            cache.get(number);
            proxy.cut();
            cache.get(number);
            cache.get(number);

            assertThat(gets("redis", "miss")).isEqualTo(1);
            assertThat(gets("redis", "error")).isEqualTo(1);
            assertThat(gets("redis", "skipped")).isEqualTo(1);
        } finally {
            TestRedis.deleteKeys(redis, prefix);
            redis.close();
        }
    }

    private long gets(String layer, String result) {
        return metrics.count("waybill.cache.gets{layer=" + layer + ",result=" + result + "}");
    }
}
