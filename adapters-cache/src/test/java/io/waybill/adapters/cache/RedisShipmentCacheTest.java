package io.waybill.adapters.cache;

import static io.waybill.application.contract.CachedShipments.newNumber;
import static io.waybill.application.contract.CachedShipments.rich;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

class RedisShipmentCacheTest extends CachesContract {

    private RedisClient redis;
    private String prefix;

    @BeforeEach
    void connect() {
        redis = TestRedis.client();
        prefix = TestRedis.newPrefix();
    }

    @AfterEach
    void deleteKeys() {
        if (redis != null) {
            TestRedis.deleteKeys(redis, prefix);
            redis.close();
        }
    }

    // A generous timeout: these tests are about the protocol, not about outages. With the near cache, as deployed.
    @Override
    Caches newCaches(Duration ttl, Duration negativeTtl) {
        return Caches.open(TestRedis.settings(TestRedis.URL, prefix, ttl, negativeTtl, Duration.ofSeconds(2),
                Duration.ofSeconds(1), 1000));
    }

    @Override
    protected void elapse(Duration duration) {
        // Redis expires keys in real time, which passes while the test polls.
    }

    private ShipmentCache cache(Duration ttl, Duration negativeTtl) {
        return openCaches(ttl, negativeTtl).shipments();
    }

    @Test
    void storesGenerationAndJsonUnderAVersionedKeyForTheTtl() {
        ShipmentCache cache = cache(Duration.ofMinutes(10), Duration.ofSeconds(30));
        CarrierTrackingNumber number = newNumber();
        CarrierTrackingNumber nothing = newNumber();
        List<Shipment> shipments = List.of(rich(number, "DHL", 4), rich(number, "UPS", 0));

        cache.offer(number, shipments);
        cache.offer(nothing, List.of());

        String key = prefix + "shipments:v1:" + number;
        assertThat(redis.get(key)).startsWith("6:[{").contains("\"time\":\"2026-11-21T01:30:00.500+01:00\"", "台北轉運中心");
        assertThat(redis.pttl(key)).isBetween(Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
        assertThat(redis.get(prefix + "shipments:v1:" + nothing)).isEqualTo("0:[]");
        assertThat(redis.pttl(prefix + "shipments:v1:" + nothing)).isBetween(1L, Duration.ofSeconds(30).toMillis());
    }

    // URI schemes are case-insensitive (RFC 3986, section 3.1): REDIS:// reaches the server that redis:// does.
    @Test
    void reachesRedisThroughAUrlWhoseSchemeIsUpperCase() {
        URI upper = CacheSettings.parseRedisUrl(TestRedis.URL.getScheme().toUpperCase(Locale.ROOT)
                + TestRedis.URL.toString().substring(TestRedis.URL.getScheme().length()));
        CarrierTrackingNumber number = newNumber();

        try (Caches caches = Caches.open(TestRedis.settings(upper, prefix, LONG, LONG, Duration.ofSeconds(2),
                Duration.ofSeconds(1), 0))) {
            caches.shipments().offer(number, List.of(rich(number, "DHL", 1)));

            assertThat(redis.get(prefix + "shipments:v1:" + number)).startsWith("2:[{");
            assertThat(caches.shipments().get(number)).get().asList().hasSize(1);
        }
    }

    @Test
    void evictAllDeletesTheKeysOfMoreNumbersThanOneRequestTakes() {
        ShipmentCache cache = cache(LONG, LONG);
        List<CarrierTrackingNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            numbers.add(newNumber());
        }
        numbers.forEach(number -> cache.offer(number, List.of()));
        CarrierTrackingNumber kept = newNumber();
        cache.offer(kept, List.of(rich(kept, "DHL", 0)));

        cache.evictAll(numbers);

        assertThat(numbers).allSatisfy(number -> assertThat(redis.exists(prefix + "shipments:v1:" + number))
                .as(number.value()).isFalse());
        assertThat(redis.exists(prefix + "shipments:v1:" + kept)).isTrue();
    }

    @Test
    void aValueItCannotReadIsAMissAndIsDeleted() {
        ShipmentCache cache = cache(LONG, LONG);
        List<String> unreadable = List.of(
                "not a cache value",
                "3:{\"not\": \"a list\"}",
                "1:[{\"number\":\"TN12345678\",\"carrier\":\"DHL\"}]",
                "1:[{\"number\":\"no good\",\"carrier\":\"DHL\",\"details\":{\"articles\":[]},\"events\":[],"
                        + "\"createdAt\":\"2026-11-20T11:30:00Z\",\"version\":0}]");
        for (String value : unreadable) {
            CarrierTrackingNumber number = newNumber();
            String key = prefix + "shipments:v1:" + number;
            redis.set(key, value);

            assertThat(cache.get(number)).as(value).isEmpty();
            assertThat(redis.exists(key)).as(value).isFalse();
        }
        CarrierTrackingNumber number = newNumber();
        redis.set(prefix + "shipments:v1:" + number, "not a cache value");
        cache.offer(number, List.of(rich(number, "DHL", 0)));
        assertThat(cache.get(number)).contains(List.of(rich(number, "DHL", 0)));
    }

    @Test
    void anUnreadableValueIsLoggedWithoutWhatItHolds() {
        List<String> unreadable = List.of(
                "1:[{\"number\":\"TN12345678\",\"carrier\":\"DHL\",\"details\":{\"receiver\":Zelda Quaxley}}]",
                "1:[{\"number\":\"TN12345678\",\"carrier\":\"DHL\",\"details\":{\"articles\":[],"
                        + "\"publicTracking\":true},\"events\":[],\"createdAt\":\"Zelda Quaxley 0912345678\",\"version\":0}]");
        Logger log = (Logger) LoggerFactory.getLogger(RedisShipmentCache.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            for (String value : unreadable) {
                ShipmentCache cache = cache(LONG, LONG); // each cache logs its first unreadable value at WARN
                CarrierTrackingNumber number = newNumber();
                redis.set(prefix + "shipments:v1:" + number, value);

                assertThat(cache.get(number)).as(value).isEmpty();
            }
        } finally {
            log.detachAppender(logged);
        }
        List<String> warnings = logged.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(warnings).hasSize(2).allSatisfy(warning -> assertThat(warning)
                .contains("could not be read").doesNotContain("Zelda", "Quaxley", "0912345678"));
    }
}
