package io.waybill.application.service;

import io.waybill.application.port.in.FakeShipmentsUseCase;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Generates shipments with {@link FakeShipments} and stores them in batches of {@value #BATCH}. Thread-safe. */
public final class FakeShipmentsService implements FakeShipmentsUseCase {

    static final int BATCH = 1_000;

    private final ShipmentRepository shipments;
    private final ShipmentLookup lookup;

    public FakeShipmentsService(ShipmentRepository shipments, ShipmentLookup lookup) {
        this.shipments = shipments;
        this.lookup = lookup;
    }

    @Override
    public Stream<Shipment> generate(Generation generation) {
        return generated(generation);
    }

    /** {@link #generate}, for callers without a database, such as a command that writes a file. */
    public static Stream<Shipment> generated(Generation generation) {
        FakeShipments fakes = new FakeShipments(generation.seed().orElseGet(() -> new SecureRandom().nextLong()),
                generation.until());
        Iterator<Shipment> iterator = new FakeShipmentIterator(fakes, generation);
        // Not SIZED: a sized stream may skip its elements, and the progress with them, when only counted.
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    @Override
    public Created create(Generation generation, Consumer<Shipment> created) {
        long stored = 0;
        long existing = 0;
        List<Shipment> batch = new ArrayList<>(BATCH);
        Iterator<Shipment> generated = generate(generation).iterator();
        while (generated.hasNext()) {
            batch.add(generated.next());
            if (batch.size() == BATCH || !generated.hasNext()) {
                List<Shipment> fresh = store(batch);
                lookup.forgetAll(fresh.stream().map(shipment -> shipment.key().number()).toList());
                fresh.forEach(created);
                stored += fresh.size();
                existing += batch.size() - fresh.size();
                batch.clear();
            }
        }
        return new Created(stored, existing);
    }

    // The batch in one transaction; when some are stored already (the same seed again), the others.
    private List<Shipment> store(List<Shipment> batch) {
        try {
            shipments.registerAll(batch);
            return List.copyOf(batch);
        } catch (ShipmentExistsException someStoredAlready) {
            Map<ShipmentKey, Shipment> stored = shipments.findAll(batch.stream().map(Shipment::key).toList());
            List<Shipment> fresh = batch.stream().filter(shipment -> !stored.containsKey(shipment.key())).toList();
            try {
                shipments.registerAll(fresh);
                return fresh;
            } catch (ShipmentExistsException storedMeanwhile) {
                return fresh.stream().filter(this::registered).toList();
            }
        }
    }

    private boolean registered(Shipment shipment) {
        try {
            shipments.register(shipment);
            return true;
        } catch (ShipmentExistsException storedMeanwhile) {
            return false;
        }
    }
}
