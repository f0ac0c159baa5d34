package io.waybill.application.service;

import io.waybill.application.port.in.FakeShipmentsUseCase;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.domain.Shipment;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Generates shipments with {@link FakeShipments} and stores them in batches of {@value #BATCH}. Thread-safe. */
public final class FakeShipmentsService implements FakeShipmentsUseCase {

    static final int BATCH = 500;

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
        Iterator<Shipment> iterator = new Iterator<>() {
            private long made;

            @Override
            public boolean hasNext() {
                return made < generation.count();
            }

            @Override
            public Shipment next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Shipment shipment = fakes.next();
                made++;
                if (made % Generation.PROGRESS_EVERY == 0 || made == generation.count()) {
                    generation.progress().accept(made);
                }
                return shipment;
            }
        };
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
                for (Shipment shipment : batch) {
                    try {
                        shipments.register(shipment);
                    } catch (ShipmentExistsException sameSeedAgain) {
                        existing++;
                        continue;
                    }
                    lookup.forget(shipment.key().number());
                    created.accept(shipment);
                    stored++;
                }
                batch.clear();
            }
        }
        return new Created(stored, existing);
    }
}
