package io.waybill.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.contract.ShipmentCacheContract;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.ShipmentCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cache contract on the caches that {@link Caches} opens, which also answer for their probe. */
abstract class CachesContract extends ShipmentCacheContract {

    private final List<Caches> opened = new ArrayList<>();

    /** Opens empty caches of the implementation under test. */
    abstract Caches newCaches(Duration ttl, Duration negativeTtl);

    @Override
    protected ShipmentCache newCache(Duration ttl, Duration negativeTtl) {
        return openCaches(ttl, negativeTtl).shipments();
    }

    @AfterEach
    void closeCaches() {
        opened.forEach(Caches::close);
    }

    /** {@link #newCaches}, closed after the test. */
    final Caches openCaches(Duration ttl, Duration negativeTtl) {
        Caches caches = newCaches(ttl, negativeTtl);
        opened.add(caches);
        return caches;
    }

    @Test
    void itsProbeIsTheCacheAndUp() {
        ComponentProbe probe = openCaches(LONG, LONG).probe();

        assertThat(probe.name()).isEqualTo("cache");
        assertThat(probe.state()).isEqualTo(ComponentProbe.State.UP);
    }
}
