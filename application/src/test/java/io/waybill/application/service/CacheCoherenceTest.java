package io.waybill.application.service;

import static io.waybill.application.service.TestShipments.DHL;
import static io.waybill.application.service.TestShipments.NUMBER;
import static io.waybill.application.service.TestShipments.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.out.StorageUnavailableException;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CacheCoherenceTest {

    private final InMemoryShipmentRepository repository = new InMemoryShipmentRepository();
    private final InMemoryShipmentCache cache = new InMemoryShipmentCache();
    private final CacheCoherence coherence = new CacheCoherence(repository, cache);

    @Test
    void aChangeElsewhereReplacesWhatIsCachedWithWhatIsStored() {
        cache.put(NUMBER, List.of()); // looked up before the shipment was registered elsewhere
        Shipment stored = shipment(NUMBER, DHL, true);
        repository.register(stored);

        coherence.changed(Set.of(NUMBER));

        assertThat(cache.peek(NUMBER)).contains(List.of(stored));
        assertThat(cache.evictAlls()).isZero();
    }

    @Test
    void manyChangesAtOnceAreEvictedInOneGoRatherThanReloaded() {
        Set<CarrierTrackingNumber> numbers = IntStream.rangeClosed(0, CacheCoherence.REFRESHED_AT_MOST)
                .mapToObj(i -> new CarrierTrackingNumber("TN0000000" + i))
                .collect(Collectors.toSet());
        numbers.forEach(number -> cache.put(number, List.of()));

        coherence.changed(numbers);

        assertThat(cache.evictAlls()).isEqualTo(1);
        assertThat(repository.readsByNumber()).isZero();
        numbers.forEach(number -> assertThat(cache.peek(number)).isEmpty());
    }

    @Test
    void aChangeThatCannotBeReloadedIsEvicted() {
        cache.put(NUMBER, List.of());
        repository.goDown(new StorageUnavailableException("down", null));

        coherence.changed(Set.of(NUMBER));

        assertThat(cache.peek(NUMBER)).isEmpty();
    }

    @Test
    void changesThatMayHaveBeenMissedDropWhatThisProcessHolds() {
        coherence.mayHaveMissedChanges();

        assertThat(cache.localForgets()).isEqualTo(1);
    }
}
