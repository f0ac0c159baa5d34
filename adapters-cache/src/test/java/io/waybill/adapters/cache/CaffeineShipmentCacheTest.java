package io.waybill.adapters.cache;

import static io.waybill.application.contract.CachedShipments.newNumber;
import static io.waybill.application.contract.CachedShipments.rich;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.waybill.application.contract.Poll;
import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaffeineShipmentCacheTest extends CachesContract {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;

    @Override
    Caches newCaches(Duration ttl, Duration negativeTtl) {
        return Caches.inProcess(settings(ttl, negativeTtl, 100), ticker);
    }

    private static CacheSettings settings(Duration ttl, Duration negativeTtl, long maxEntries) {
        CacheSettings defaults = CacheSettings.defaults();
        return new CacheSettings(Optional.empty(), ttl, negativeTtl, defaults.redisTimeout(), defaults.retryAfter(),
                defaults.keyPrefix(), maxEntries);
    }

    @Override
    protected void elapse(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void noEntriesMeansNoCache() {
        try (Caches caches = Caches.inProcess(settings(Duration.ofHours(1), Duration.ofSeconds(1), 0), ticker)) {
            CarrierTrackingNumber number = newNumber();
            caches.shipments().offer(number, List.of(rich(number, "DHL", 0)));

            assertThat(caches.shipments().get(number)).isEmpty();
        }
    }

    @Test
    void forgettingLocalCopiesEmptiesItSinceItIsAllLocal() {
        ShipmentCache cache = openCaches(LONG, LONG).shipments();
        CarrierTrackingNumber number = newNumber();
        cache.offer(number, List.of(rich(number, "DHL", 0)));

        cache.forgetLocalCopies();

        assertThat(cache.get(number)).isEmpty();
    }

    @Test
    void anEntryKeptAgainstAnOlderOfferLivesNoLongerThanItsTtl() {
        Duration ttl = Duration.ofSeconds(10);
        ShipmentCache cache = openCaches(ttl, ttl).shipments();
        CarrierTrackingNumber number = newNumber();
        List<Shipment> newer = List.of(rich(number, "DHL", 1));

        cache.offer(number, newer);
        elapse(ttl.minusMillis(1));
        cache.offer(number, List.of(rich(number, "DHL", 0)));
        assertThat(cache.get(number)).contains(newer);

        elapse(Duration.ofMillis(2));
        assertThat(cache.get(number)).isEmpty();
    }

    @Test
    void anEmptyEntryLastsItsWholeNegativeTtl() {
        ShipmentCache cache = openCaches(Duration.ofHours(1), Duration.ofSeconds(30)).shipments();
        CarrierTrackingNumber number = newNumber();

        cache.offer(number, List.of());
        elapse(Duration.ofSeconds(30).minusMillis(1));

        assertThat(cache.get(number)).contains(List.of());
    }

    @Test
    void holdsAtMostMaxEntries() {
        ShipmentCache cache = Caches.inProcess(settings(LONG, LONG, 2), ticker).shipments();
        List<CarrierTrackingNumber> numbers = List.of(newNumber(), newNumber(), newNumber(), newNumber());

        numbers.forEach(number -> cache.offer(number, List.of()));

        Poll.until("eviction down to 2 entries",
                () -> numbers.stream().filter(number -> cache.get(number).isPresent()).count() <= 2,
                Duration.ofSeconds(5));
    }
}
