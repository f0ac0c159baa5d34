package io.waybill.application.service;

import io.waybill.application.port.in.FakeShipmentsUseCase.Generation;
import io.waybill.domain.Shipment;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The shipments of one generation, made one at a time as they are asked for, with the progress reported every
 * {@link Generation#PROGRESS_EVERY} shipments and at the last. Not thread-safe.
 */
final class FakeShipmentIterator implements Iterator<Shipment> {

    private final FakeShipments fakes;
    private final Generation generation;
    private long made;

    FakeShipmentIterator(FakeShipments fakes, Generation generation) {
        this.fakes = fakes;
        this.generation = generation;
    }

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
}
