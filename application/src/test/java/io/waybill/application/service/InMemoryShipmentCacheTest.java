package io.waybill.application.service;

import static io.waybill.application.service.TestShipments.DHL;
import static io.waybill.application.service.TestShipments.NUMBER;
import static io.waybill.application.service.TestShipments.UPS;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.contract.ShipmentCacheContract;
import io.waybill.application.port.out.ShipmentCache;
import io.waybill.domain.Shipment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The fake keeps the {@link ShipmentCache} contract that the services' tests rely on, as the real caches do. */
class InMemoryShipmentCacheTest extends ShipmentCacheContract {

    private final AtomicLong nanos = new AtomicLong();

    private final InMemoryShipmentCache cache = new InMemoryShipmentCache();
    private final Shipment dhl = TestShipments.shipment(NUMBER, DHL, true);

    @Override
    protected ShipmentCache newCache(Duration ttl, Duration negativeTtl) {
        return new InMemoryShipmentCache(ttl, negativeTtl, nanos::get);
    }

    @Override
    protected void elapse(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aReaderThatLoadedBeforeAWriteDoesNotCacheWhatItReadOverWhatTheWriterStored() {
        cache.offer(NUMBER, List.of(dhl.withVersion(1)));
        cache.offer(NUMBER, List.of(dhl));

        assertThat(cache.get(NUMBER)).contains(List.of(dhl.withVersion(1)));
    }

    @Test
    void theGenerationGrowsWithEveryShipmentAndEveryChange() {
        Shipment ups = TestShipments.shipment(NUMBER, UPS, true);

        assertThat(ShipmentCache.generation(List.of())).isZero();
        assertThat(ShipmentCache.generation(List.of(dhl))).isEqualTo(1);
        assertThat(ShipmentCache.generation(List.of(dhl, ups))).isEqualTo(2);
        assertThat(ShipmentCache.generation(List.of(dhl.withVersion(1), ups))).isEqualTo(3);
    }

    @Test
    void whileFailingItMissesAndNeverLaterServesAnEntryItFailedToReplace() {
        cache.offer(NUMBER, List.of(dhl));
        cache.failing(true);

        assertThat(cache.get(NUMBER)).isEmpty();
        cache.offer(NUMBER, List.of(dhl.withVersion(1)));
        cache.failing(false);

        assertThat(cache.get(NUMBER)).isEmpty();
        assertThat(cache.hits()).isZero();
        assertThat(cache.misses()).isEqualTo(2);
    }
}
