package io.waybill.adapters.cache;

import static io.waybill.application.contract.CachedShipments.newNumber;
import static io.waybill.application.contract.CachedShipments.rich;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.contract.Poll;
import io.waybill.application.contract.TcpProxy;
import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The shipments read from Redis held in this process: served from memory, and never after Redis changed them. */
class NearCacheTest {

    private static final Duration LONG = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofMillis(250);
    private static final Duration RETRY_AFTER = Duration.ofMillis(100);
    /** Reports take well under a millisecond on one machine; this much only for a loaded test machine. */
    private static final Duration REPORTED = Duration.ofSeconds(3);

    /** The near cache alone. */
    @Nested
    class InMemory {

        private final NearCache near = new NearCache(TestRedis.settings(TestRedis.URL, "unused:", LONG, LONG,
                TIMEOUT, RETRY_AFTER, 100));
        private final CarrierTrackingNumber number = newNumber();
        private final List<Shipment> shipments = List.of(rich(number, "DHL", 0));

        @Test
        void holdsNothingWhileShut() {
            near.fill(number, near.stamp(number), shipments);
            assertThat(near.get(number)).isEmpty();

            near.open();
            near.fill(number, near.stamp(number), shipments);
            assertThat(near.get(number)).containsSame(near.get(number).orElseThrow()).contains(shipments);

            near.shut();
            assertThat(near.get(number)).isEmpty();
            near.open();
            assertThat(near.get(number)).as("what it held before it was shut").isEmpty();
        }

        @Test
        void storesNoValueAskedForBeforeAnEvictionOfItsNumber() {
            near.open();
            long stamp = near.stamp(number);
            near.evict(number); // Redis reported a change while the value was on its way
            near.fill(number, stamp, shipments);
            assertThat(near.get(number)).isEmpty();

            near.fill(number, near.stamp(number), shipments);
            assertThat(near.get(number)).contains(shipments);
        }

        @Test
        void storesNoValueAskedForBeforeItWasOpenedOrEmptied() {
            long beforeOpening = near.stamp(number);
            near.open();
            near.fill(number, beforeOpening, shipments);
            assertThat(near.get(number)).isEmpty();

            long beforeEmptying = near.stamp(number);
            near.evictAll();
            near.fill(number, beforeEmptying, shipments);
            assertThat(near.get(number)).isEmpty();
        }

        @Test
        void anEvictionOfAnotherNumberKeepsNothingFromBeingStoredBeyondItsStripe() {
            near.open();
            CarrierTrackingNumber other = numberInAnotherStripe(number);
            long stamp = near.stamp(number);
            near.evict(other);
            near.fill(number, stamp, shipments);
            assertThat(near.get(number)).contains(shipments);
        }

        private CarrierTrackingNumber numberInAnotherStripe(CarrierTrackingNumber number) {
            CarrierTrackingNumber other = newNumber();
            while (Math.floorMod(other.hashCode(), 1024) == Math.floorMod(number.hashCode(), 1024)) {
                other = newNumber();
            }
            return other;
        }
    }

    /** As deployed: two instances, and anything else that writes to Redis. */
    @Nested
    class BetweenInstances {

        private final RedisClient redis = TestRedis.client();
        private final String prefix = TestRedis.newPrefix();
        private final List<Caches> opened = new ArrayList<>();

        @AfterEach
        void close() {
            opened.forEach(Caches::close);
            TestRedis.deleteKeys(redis, prefix);
            redis.close();
        }

        private ShipmentCache open() {
            Caches caches = Caches.open(TestRedis.settings(TestRedis.URL, prefix, LONG, LONG, Duration.ofSeconds(2),
                    RETRY_AFTER, 1000));
            opened.add(caches);
            return caches.shipments();
        }

        @Test
        void answersFromMemoryUntilAnotherInstanceOrClientChangesTheEntry() {
            ShipmentCache here = open();
            ShipmentCache there = open();
            CarrierTrackingNumber number = newNumber();
            List<Shipment> first = List.of(rich(number, "DHL", 0));
            List<Shipment> second = List.of(rich(number, "DHL", 1));
            here.offer(number, first);
            awaitHeld(here, number, first);

            there.offer(number, second);
            Poll.until("the other instance's change reaches this one",
                    () -> here.get(number).equals(Optional.of(second)), REPORTED);
            awaitHeld(here, number, second);

            redis.del(prefix + "shipments:v1:" + number);
            Poll.until("a deletion by another client reaches this instance", () -> here.get(number).isEmpty(),
                    REPORTED);
        }

        @Test
        void forgettingLocalCopiesEmptiesMemoryAndLeavesRedis() {
            ShipmentCache cache = open();
            CarrierTrackingNumber number = newNumber();
            List<Shipment> shipments = List.of(rich(number, "DHL", 0));
            cache.offer(number, shipments);
            awaitHeld(cache, number, shipments);
            List<Shipment> held = cache.get(number).orElseThrow();

            cache.forgetLocalCopies();

            assertThat(cache.get(number).orElseThrow()).isEqualTo(shipments).isNotSameAs(held); // read from Redis
        }

        @Test
        void itsOwnChangesAreSeenAtOnce() {
            ShipmentCache cache = open();
            CarrierTrackingNumber number = newNumber();
            cache.offer(number, List.of(rich(number, "DHL", 0)));
            awaitHeld(cache, number, List.of(rich(number, "DHL", 0)));

            List<Shipment> newer = List.of(rich(number, "DHL", 1));
            cache.offer(number, newer);
            assertThat(cache.get(number)).contains(newer);
            cache.evict(number);
            assertThat(cache.get(number)).isEmpty();

            cache.offer(number, newer);
            awaitHeld(cache, number, newer);
            cache.evictAll(List.of(newNumber(), number));
            assertThat(cache.get(number)).isEmpty();
        }
    }

    /** The reports of changes lost while Redis itself still answers: the near cache is shut, then comes back. */
    @Nested
    class ReportsLost {

        private static final Duration SILENCE = Duration.ofMillis(500);

        private final RedisClient redis = TestRedis.client();
        private final String prefix = TestRedis.newPrefix();
        private final CacheSettings settings =
                TestRedis.settings(TestRedis.URL, prefix, LONG, LONG, TIMEOUT, RETRY_AFTER, 1000);
        private final TcpProxy proxy;
        private final RedisEntries entries = RedisEntries.connect(TestRedis.URL, settings);
        private final NearCache near = new NearCache(settings);
        private final RedisShipmentCache cache =
                new RedisShipmentCache(entries, near, settings, "the test's Redis", Caches.STALE_LIMIT);
        private final RedisInvalidations reports;
        private final CarrierTrackingNumber number = newNumber();
        private final List<Shipment> shipments = List.of(rich(number, "DHL", 0));

        ReportsLost() throws IOException {
            proxy = new TcpProxy(TestRedis.URL.getHost(), CacheSettings.port(TestRedis.URL));
            URI reportsUrl = proxy.url();
            reports = RedisInvalidations.start(RedisConnections.server(reportsUrl),
                    RedisConnections.clientConfig(reportsUrl, settings), RedisEntries.namespace(settings), near,
                    SILENCE, RETRY_AFTER);
        }

        @AfterEach
        void close() {
            reports.close();
            cache.close();
            entries.close();
            proxy.close();
            TestRedis.deleteKeys(redis, prefix);
            redis.close();
        }

        @Test
        void whenTheirConnectionIsCutNothingIsServedFromMemoryUntilItIsBack() {
            cache.offer(number, shipments);
            awaitHeld(cache, number, shipments);

            proxy.cut();
            Poll.until("the near cache is shut", () -> !near.isOpen(), REPORTED);
            redis.del(prefix + "shipments:v1:" + number); // goes unreported
            assertThat(cache.get(number)).isEmpty();

            proxy.restore();
            Poll.until("the near cache is open again", near::isOpen, REPORTED);
            assertThat(cache.get(number)).as("what it held before").isEmpty();
            reportsArriveAgain();
        }

        @Test
        void whenTheirConnectionFallsSilentNothingIsServedFromMemoryUntilItIsBack() {
            cache.offer(number, shipments);
            awaitHeld(cache, number, shipments);

            proxy.blackhole();
            Poll.until("the near cache is shut after a silence", () -> !near.isOpen(), SILENCE.multipliedBy(4));
            redis.del(prefix + "shipments:v1:" + number); // goes unreported
            assertThat(cache.get(number)).isEmpty();

            proxy.restore();
            Poll.until("the near cache is open again", near::isOpen, REPORTED);
            reportsArriveAgain();
        }

        private void reportsArriveAgain() {
            List<Shipment> newer = List.of(rich(number, "DHL", 1));
            cache.offer(number, newer);
            awaitHeld(cache, number, newer);
            redis.del(prefix + "shipments:v1:" + number);
            Poll.until("the deletion is reported", () -> cache.get(number).isEmpty(), REPORTED);
        }
    }

    /**
     * Waits until the cache answers {@code expected} from memory: the same objects twice, where a read of Redis would
     * decode new ones. The near cache opens once its connection subscribed, a moment after the cache opened.
     */
    private static void awaitHeld(ShipmentCache cache, CarrierTrackingNumber number, List<Shipment> expected) {
        Poll.until("the shipments are held in memory", () -> {
            Optional<List<Shipment>> first = cache.get(number);
            Optional<List<Shipment>> second = cache.get(number);
            return first.equals(Optional.of(expected)) && first.get() == second.orElseThrow();
        }, REPORTED);
    }
}
