package io.waybill.application.contract;

import static io.waybill.application.contract.CachedShipments.bare;
import static io.waybill.application.contract.CachedShipments.newNumber;
import static io.waybill.application.contract.CachedShipments.rich;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * One contract for every implementation of {@link ShipmentCache}: Caffeine, Redis with its near cache, and the
 * in-memory fake that the services' tests rely on. A subclass opens an empty cache and closes it after the test.
 */
public abstract class ShipmentCacheContract {

    protected static final Duration LONG = Duration.ofHours(1);
    /** How long real time may take beyond an expiry before a test fails. */
    protected static final Duration SLACK = Duration.ofSeconds(5);

    /** Opens an empty cache of the implementation under test, which the subclass closes after the test. */
    protected abstract ShipmentCache newCache(Duration ttl, Duration negativeTtl);

    /** Lets {@code duration} pass for the caches: a fake clock moves on, or real time passes while the test polls. */
    protected abstract void elapse(Duration duration);

    private ShipmentCache cache() {
        return newCache(LONG, LONG);
    }

    @Test
    void missesANumberNeverOffered() {
        assertThat(cache().get(newNumber())).isEmpty();
    }

    @Test
    void forgetsAnEvictedNumberUntilOfferedAgain() {
        ShipmentCache cache = cache();
        CarrierTrackingNumber number = newNumber();
        List<Shipment> shipments = List.of(rich(number, "DHL", 3));
        cache.offer(number, shipments);

        cache.evict(number);
        cache.evict(newNumber());

        assertThat(cache.get(number)).isEmpty();
        cache.offer(number, List.of(rich(number, "DHL", 0)));
        assertThat(cache.get(number)).contains(List.of(rich(number, "DHL", 0)));
    }

    @Test
    void evictAllForgetsEveryNumberGivenAndNoOther() {
        ShipmentCache cache = cache();
        // Each read once, so that a near cache holds it too.
        List<CarrierTrackingNumber> evicted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CarrierTrackingNumber number = newNumber();
            cache.offer(number, List.of(bare(number, "DHL", i % 3)));
            assertThat(cache.get(number)).isPresent();
            evicted.add(number);
        }
        CarrierTrackingNumber kept = newNumber();
        List<Shipment> keptShipments = List.of(rich(kept, "DHL", 2));
        cache.offer(kept, keptShipments);
        evicted.add(newNumber()); // never offered

        cache.evictAll(evicted);
        cache.evictAll(List.of());

        assertThat(evicted).allSatisfy(number -> assertThat(cache.get(number)).as(number.value()).isEmpty());
        assertThat(cache.get(kept)).contains(keptShipments);
        CarrierTrackingNumber again = evicted.get(0);
        cache.offer(again, List.of(rich(again, "DHL", 0)));
        assertThat(cache.get(again)).contains(List.of(rich(again, "DHL", 0)));
    }

    @Test
    void returnsWhatWasOfferedFieldForField() {
        ShipmentCache cache = cache();
        CarrierTrackingNumber number = newNumber();
        List<Shipment> shipments =
                List.of(rich(number, "DHL", 3), rich(number, "SF-EXPRESS", 0), bare(number, "UPS", 7));

        cache.offer(number, shipments);

        // Records compare field for field, and OffsetDateTime compares its offset too.
        assertThat(cache.get(number)).contains(shipments);
        assertThat(cache.get(number).orElseThrow().get(0).events().get(1).time())
                .hasToString("2026-11-21T01:30:00.500+01:00");
    }

    @Test
    void aNewerOfferReplacesAnOlderEntry() {
        ShipmentCache cache = cache();
        CarrierTrackingNumber number = newNumber();
        List<Shipment> older = List.of(rich(number, "DHL", 0));
        List<Shipment> newer = List.of(rich(number, "DHL", 1));

        cache.offer(number, older);
        cache.offer(number, newer);

        assertThat(cache.get(number)).contains(newer);
    }

    @Test
    void anOlderOfferLeavesANewerEntry() {
        ShipmentCache cache = cache();
        CarrierTrackingNumber number = newNumber();
        List<Shipment> newer = List.of(rich(number, "DHL", 0), bare(number, "UPS", 0));
        List<Shipment> older = List.of(rich(number, "DHL", 0));

        cache.offer(number, newer);
        cache.offer(number, older);
        cache.offer(number, List.of());

        assertThat(cache.get(number)).contains(newer);
    }

    @Test
    void anOfferOfTheSameGenerationReplacesTheEntry() {
        ShipmentCache cache = cache();
        CarrierTrackingNumber number = newNumber();
        List<Shipment> first = List.of(rich(number, "DHL", 1));
        List<Shipment> second = List.of(rich(number, "DHL", 0), bare(number, "UPS", 0));
        assertThat(ShipmentCache.generation(first)).isEqualTo(ShipmentCache.generation(second));

        cache.offer(number, first);
        cache.offer(number, second);

        assertThat(cache.get(number)).contains(second);
    }

    @Test
    void theNewestOfConcurrentOffersWins() throws Exception {
        ShipmentCache cache = cache();
        CarrierTrackingNumber number = newNumber();
        List<Callable<Void>> writers = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            List<Long> versions = new ArrayList<>(LongStream.range(0, 40).boxed().toList());
            Collections.shuffle(versions);
            writers.add(() -> {
                versions.forEach(version -> cache.offer(number, List.of(bare(number, "DHL", version))));
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(cache.get(number)).contains(List.of(bare(number, "DHL", 39)));
    }

    @Test
    void anEmptyEntryLastsTheNegativeTtlAndNoLonger() {
        Duration negativeTtl = Duration.ofMillis(300);
        ShipmentCache cache = newCache(LONG, negativeTtl);
        CarrierTrackingNumber nothing = newNumber();
        CarrierTrackingNumber something = newNumber();
        List<Shipment> shipments = List.of(rich(something, "DHL", 0));

        cache.offer(nothing, List.of());
        cache.offer(something, shipments);
        assertThat(cache.get(nothing)).contains(List.of());

        elapse(negativeTtl.plusMillis(1));
        Poll.until("the empty entry expires", () -> cache.get(nothing).isEmpty(), negativeTtl.plus(SLACK));
        assertThat(cache.get(something)).contains(shipments);
    }

    @Test
    void anEntryLastsTheTtl() {
        Duration ttl = Duration.ofMillis(800);
        ShipmentCache cache = newCache(ttl, ttl);
        CarrierTrackingNumber number = newNumber();
        List<Shipment> shipments = List.of(rich(number, "DHL", 0));

        cache.offer(number, shipments);
        assertThat(cache.get(number)).contains(shipments);

        elapse(ttl.plusMillis(1));
        Poll.until("the entry expires", () -> cache.get(number).isEmpty(), ttl.plus(SLACK));
    }
}
