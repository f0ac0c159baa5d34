package io.waybill.application.service;

import io.waybill.application.port.in.RecordTrackingEventsUseCase;
import io.waybill.application.port.in.ShipmentNotFoundException;
import io.waybill.application.port.out.ShipmentRepository.ConcurrentUpdateException;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.Shipment;
import io.waybill.domain.TrackingEvent;
import java.util.List;

/**
 * Reads the shipment from the database (never the cache), records the events in the domain, and stores them if the
 * shipment has not changed meanwhile; otherwise it starts again, a few times. Thread-safe.
 */
public final class RecordTrackingEventsService implements RecordTrackingEventsUseCase {

    static final int ATTEMPTS = 5;

    private final ShipmentRepository shipments;
    private final ShipmentLookup lookup;
    private final TrackingEventMapper events;

    public RecordTrackingEventsService(ShipmentRepository shipments, ShipmentLookup lookup, TrackingEventMapper events) {
        this.shipments = shipments;
        this.lookup = lookup;
        this.events = events;
    }

    @Override
    public Shipment.Recording record(Command command) {
        // Ids are made once, so that a retry after a concurrent change recognises the events it is recording.
        List<TrackingEvent> incoming = events.from(command.events());
        ConcurrentUpdateException lastConflict = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Shipment stored = ShipmentChoice.pick(command.number(), command.carrier(),
                            shipments.findByNumber(command.number()))
                    .orElseThrow(() -> new ShipmentNotFoundException("No shipment has tracking number "
                            + command.number() + command.carrier().map(carrier -> " and carrier " + carrier)
                                    .orElse("")));
            Shipment.Recording recording = stored.record(incoming);
            if (recording.added().isEmpty()) {
                return recording;
            }
            try {
                shipments.append(recording.shipment(), stored.version(), recording.added());
            } catch (ConcurrentUpdateException e) {
                lastConflict = e;
                continue;
            }
            lookup.refresh(command.number());
            return new Shipment.Recording(recording.shipment().withVersion(stored.version() + 1),
                    recording.outcomes(), recording.added());
        }
        throw lastConflict;
    }
}
