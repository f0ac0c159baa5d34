package io.waybill.application.port.in;

import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.EventId;
import io.waybill.domain.Location;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Records tracking events in a shipment's history. */
public interface RecordTrackingEventsUseCase {

    /**
     * Records the events, all or none, each at its place in time. An event whose id the shipment has already is not
     * recorded again; its outcome is the stored event. The shipment's cached lookups are refreshed before this
     * returns.
     *
     * @throws ShipmentNotFoundException when no such shipment exists
     * @throws AmbiguousShipmentException when no carrier is given and the number belongs to several
     * @throws UnknownCarrierStatusException when an event's carrier wording maps to no status
     * @throws io.waybill.domain.IllegalTransitionException when an event breaks the transition rules; nothing is
     *     recorded then
     */
    Shipment.Recording record(Command command);

    record Command(CarrierTrackingNumber number, Optional<Carrier> carrier, List<EventInput> events) {

        public static final int MAX_EVENTS = 1000;

        public Command {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(carrier, "carrier");
            events = List.copyOf(events);
            if (events.isEmpty() || events.size() > MAX_EVENTS) {
                throw new IllegalArgumentException("between 1 and " + MAX_EVENTS + " events are recorded at once");
            }
        }
    }

    /**
     * An event as a client sends it. Its canonical status is {@code status} when given, otherwise the carrier's
     * wording mapped; the wording defaults to the status's label. Without an id, Waybill makes one.
     */
    record EventInput(Optional<EventId> id, OffsetDateTime time, Optional<ShipmentStatus> status,
            Optional<String> carrierStatus, Optional<Location> location, Optional<String> description) {

        public EventInput {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(description, "description");
            if (status.isEmpty() && carrierStatus.isEmpty()) {
                throw new IllegalArgumentException("an event needs a status or the carrier's status wording");
            }
        }
    }
}
