package io.waybill.application.port.in;

import io.waybill.application.port.in.RecordTrackingEventsUseCase.EventInput;
import io.waybill.domain.Carrier;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentDetails;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Registers a shipment with its details and, optionally, a first history. */
public interface RegisterShipmentUseCase {

    /**
     * Registers the shipment and returns it as stored. Without a number, Waybill issues one (its carrier is then
     * Waybill, and the origin country is required).
     *
     * @throws InvalidCommandException when the command's parts do not fit together
     * @throws io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException when a shipment with this number and carrier exists
     * @throws UnknownCarrierStatusException when an event's carrier wording maps to no status
     * @throws io.waybill.domain.IllegalTransitionException when the history breaks the transition rules
     */
    Shipment register(Command command);

    /**
     * @param number the carrier's tracking number; empty to have Waybill issue one
     * @param carrier required with a number, and not Waybill: Waybill's numbers are issued, never registered
     */
    record Command(Optional<CarrierTrackingNumber> number, Optional<Carrier> carrier, ShipmentDetails details,
            List<EventInput> events) {

        public Command {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(details, "details");
            events = List.copyOf(events);
        }
    }
}
