package io.waybill.adapters.cache;

import static io.waybill.application.contract.CachedShipments.newNumber;
import static io.waybill.application.contract.CachedShipments.rich;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.waybill.application.contract.Poll;
import io.waybill.application.contract.TcpProxy;
import io.waybill.application.port.out.ComponentProbe.State;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Redis cut off, turned into a black hole, or never there: lookups go on, and nothing stale is served after. Without
 * a near cache, so that every lookup asks Redis; {@link NearCacheTest} has the near cache through outages.
 */
class RedisOutageTest {

    private static final Duration TIMEOUT = Duration.ofMillis(250);
    private static final Duration RETRY_AFTER = Duration.ofMillis(200);
    /** A behaviour check, not a benchmark: a miss must not wait on Redis for long. */
    private static final Duration PROMPT = Duration.ofMillis(1500);
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    private final Logger breakerLog = (Logger) LoggerFactory.getLogger(CircuitBreaker.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private RedisClient redis;
    private String prefix;
    private TcpProxy proxy;
    private Caches caches;

    @BeforeEach
    void start() throws IOException {
        redis = TestRedis.client();
        prefix = TestRedis.newPrefix();
        proxy = new TcpProxy(TestRedis.URL.getHost(), CacheSettings.port(TestRedis.URL));
        logged.start();
        breakerLog.addAppender(logged);
    }

    @AfterEach
    void stop() {
        breakerLog.detachAppender(logged);
        if (caches != null) {
            caches.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (redis != null) {
            TestRedis.deleteKeys(redis, prefix);
            redis.close();
        }
    }

    private ShipmentCache open(URI url, int staleLimit) {
        caches = Caches.redis(url, TestRedis.settings(url, prefix, Duration.ofHours(1), Duration.ofMinutes(1), TIMEOUT,
                RETRY_AFTER, 0), staleLimit);
        return caches.shipments();
    }

    @Test
    void whileCutOffItMissesAndAfterwardsServesNothingItFailedToReplace() {
        ShipmentCache cache = open(proxy.url(), Caches.STALE_LIMIT);
        CarrierTrackingNumber number = newNumber();
        cache.offer(number, List.of(rich(number, "DHL", 0)));
        assertThat(cache.get(number)).isPresent();

        proxy.cut();
        assertPromptMiss(cache, number);
        List<Shipment> stored = List.of(rich(number, "DHL", 1));
        assertThatCode(() -> cache.offer(number, stored)).doesNotThrowAnyException(); // skipped, breaker open
        for (int i = 0; i < 20; i++) {
            assertThat(cache.get(number)).isEmpty();
        }
        assertThat(caches.probe().state()).isEqualTo(State.DEGRADED);

        proxy.restore();
        awaitUp(caches.probe());
        assertThat(cache.get(number)).as("the entry it failed to replace").isEmpty();
        cache.offer(number, stored);
        assertThat(cache.get(number)).contains(stored);
        assertThat(messages(Level.WARN)).hasSize(1).first().asString().contains("failed");
        assertThat(messages(Level.INFO)).hasSize(1).first().asString()
                .contains("answers again", "may have been stale: 1");
    }

    @Test
    void anEvictionItCouldNotSendIsCarriedOutBeforeRedisIsReadAgain() {
        ShipmentCache cache = open(proxy.url(), Caches.STALE_LIMIT);
        CarrierTrackingNumber number = newNumber();
        cache.offer(number, List.of(rich(number, "DHL", 0)));

        proxy.cut();
        assertPromptMiss(cache, number);
        assertThatCode(() -> cache.evict(number)).doesNotThrowAnyException();

        proxy.restore();
        awaitUp(caches.probe());
        assertThat(cache.get(number)).as("the entry it failed to drop").isEmpty();
    }

    @Test
    void changesMadeElsewhereThatItCouldNotSendAreLeftToTheirWriter() {
        ShipmentCache cache = open(proxy.url(), Caches.STALE_LIMIT);
        ShipmentCache elsewhere = cache.forChangesMadeElsewhere();
        List<CarrierTrackingNumber> numbers = List.of(newNumber(), newNumber(), newNumber());
        numbers.forEach(number -> cache.offer(number, List.of(rich(number, "DHL", 0))));

        proxy.cut();
        elsewhere.offer(numbers.get(0), List.of(rich(numbers.get(0), "DHL", 1))); // fails, and opens the breaker
        elsewhere.evict(numbers.get(1)); // skipped while the breaker is open
        elsewhere.evictAll(numbers.subList(2, 3));

        proxy.restore();
        awaitUp(caches.probe());
        numbers.forEach(number -> assertThat(cache.get(number)).as("an entry its writer keeps current").isPresent());
        assertThat(messages(Level.INFO)).hasSize(1).first().asString().contains("may have been stale: 0");
    }

    @Test
    void evictionsOfManyItCouldNotSendAreCarriedOutBeforeRedisIsReadAgain() {
        ShipmentCache cache = open(proxy.url(), Caches.STALE_LIMIT);
        List<CarrierTrackingNumber> numbers = List.of(newNumber(), newNumber(), newNumber(), newNumber());
        numbers.forEach(number -> cache.offer(number, List.of(rich(number, "DHL", 0))));

        proxy.cut();
        assertThatCode(() -> cache.evictAll(numbers.subList(0, 2))).as("fails, and opens the breaker")
                .doesNotThrowAnyException();
        assertThatCode(() -> cache.evictAll(numbers.subList(2, 3))).as("skipped while the breaker is open")
                .doesNotThrowAnyException();
        assertPromptMiss(cache, numbers.get(3));

        proxy.restore();
        awaitUp(caches.probe());
        numbers.subList(0, 3).forEach(number -> assertThat(cache.get(number)).as("an entry it failed to drop")
                .isEmpty());
        assertThat(cache.get(numbers.get(3))).as("an entry it did not try to drop").isPresent();
        assertThat(messages(Level.INFO)).hasSize(1).first().asString().contains("may have been stale: 3");
    }

    @Test
    void whileBlackholedItMissesPromptlyAndAfterwardsServesNothingItFailedToReplace() {
        ShipmentCache cache = open(proxy.url(), Caches.STALE_LIMIT);
        CarrierTrackingNumber number = newNumber();
        CarrierTrackingNumber other = newNumber();
        cache.offer(number, List.of(rich(number, "DHL", 0)));
        cache.offer(other, List.of(rich(other, "DHL", 0)));

        proxy.blackhole();
        List<Shipment> stored = List.of(rich(number, "DHL", 1));
        long started = System.nanoTime();
        assertThatCode(() -> cache.offer(number, stored)).doesNotThrowAnyException(); // times out, breaker opens
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPT);
        assertPromptMiss(cache, number);
        assertPromptMiss(cache, other);
        assertThat(caches.probe().state()).isEqualTo(State.DEGRADED);

        proxy.restore();
        awaitUp(caches.probe());
        assertThat(cache.get(number)).as("the entry it failed to replace").isEmpty();
        assertThat(cache.get(other)).as("an entry it did not try to replace").isPresent();
        assertThat(messages(Level.WARN)).hasSize(1);
        assertThat(messages(Level.INFO)).hasSize(1);
    }

    @Test
    void withNothingListeningItMissesAndSaysItIsDegraded() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = URI.create("redis://127.0.0.1:" + socket.getLocalPort());
        }
        ShipmentCache cache = open(closedPort, Caches.STALE_LIMIT);
        CarrierTrackingNumber number = newNumber();

        assertPromptMiss(cache, number);
        assertThatCode(() -> cache.offer(number, List.of())).doesNotThrowAnyException();
        assertPromptMiss(cache, number);

        assertThat(caches.probe().state()).isEqualTo(State.DEGRADED);
        assertThat(messages(Level.WARN)).hasSize(1);
    }

    @Test
    void afterTooManyFailedOffersToRememberItDeletesEveryEntryOfItsOwn() {
        ShipmentCache cache = open(proxy.url(), 2);
        List<CarrierTrackingNumber> numbers = List.of(newNumber(), newNumber(), newNumber());
        numbers.forEach(number -> cache.offer(number, List.of(rich(number, "DHL", 0))));
        String foreign = prefix + "other:shipments:v1:TN12345678";
        redis.set(foreign, "another deployment's entry");

        proxy.cut();
        numbers.forEach(number -> cache.offer(number, List.of(rich(number, "DHL", 1))));
        proxy.restore();
        awaitUp(caches.probe());

        numbers.forEach(number -> assertThat(cache.get(number)).as(number.value()).isEmpty());
        assertThat(redis.exists(foreign)).isTrue();
        assertThat(messages(Level.INFO)).hasSize(1).first().asString().contains("every entry was deleted: 3");
    }

    private static void assertPromptMiss(ShipmentCache cache, CarrierTrackingNumber number) {
        long started = System.nanoTime();
        Optional<List<Shipment>> cached = cache.get(number);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPT);
        assertThat(cached).isEmpty();
    }

    private static void awaitUp(ComponentProbe probe) {
        Poll.until("the cache's probe says UP", () -> probe.state() == State.UP, RECOVERY);
    }

    private List<String> messages(Level level) {
        return logged.list.stream()
                .filter(event -> event.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
