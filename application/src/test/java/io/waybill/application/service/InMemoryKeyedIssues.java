package io.waybill.application.service;

import io.waybill.application.port.out.KeyedIssues;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.IdempotencyKey;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link KeyedIssues} contract in memory: each key with its number, stored with its shipment in the repository
 * it is given, both or neither. It keeps what it stored and the last {@code expiredBefore}, and can run a concurrent
 * request just before an add.
 */
final class InMemoryKeyedIssues implements KeyedIssues {

    final Map<IdempotencyKey, Recorded> stored = new HashMap<>();
    final List<IssuedTrackingNumber> added = new ArrayList<>();
    Runnable beforeAdd = () -> {};
    Instant expiredBefore;
    private final ShipmentRepository shipments;

    InMemoryKeyedIssues() {
        this(new InMemoryShipmentRepository());
    }

    InMemoryKeyedIssues(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    @Override
    public synchronized Optional<Recorded> find(IdempotencyKey key) {
        return Optional.ofNullable(stored.get(key));
    }

    // Keys from before expiredBefore are forgotten, the one asked for and every other.
    @Override
    public synchronized void add(IdempotencyKey key, String requestHash, IssuedTrackingNumber issued,
            Instant expiredBefore) {
        beforeAdd.run();
        this.expiredBefore = expiredBefore;
        Recorded recorded = stored.get(key);
        if (recorded != null && !recorded.issuedAt().isBefore(expiredBefore)) {
            throw new KeyTakenException(null);
        }
        shipments.add(issued);
        stored.values().removeIf(other -> other.issuedAt().isBefore(expiredBefore));
        put(key, requestHash, issued);
        added.add(issued);
    }

    synchronized void put(IdempotencyKey key, String requestHash, IssuedTrackingNumber issued) {
        stored.put(key, new Recorded(requestHash, issued.trackingNumber(), issued.issuedAt()));
    }
}
