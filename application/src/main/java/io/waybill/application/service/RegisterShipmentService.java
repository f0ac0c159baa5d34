package io.waybill.application.service;

import io.waybill.application.port.in.InvalidCommandException;
import io.waybill.application.port.in.RegisterShipmentUseCase;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.Carrier;
import io.waybill.domain.CountryCode;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.trackingnumber.TrackingNumber;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/** Thread-safe when its collaborators are. */
public final class RegisterShipmentService implements RegisterShipmentUseCase {

    private final Function<CountryCode, TrackingNumber> issueNumber;
    private final ShipmentRepository shipments;
    private final ShipmentLookup lookup;
    private final TrackingEventMapper events;
    private final Clock clock;

    /** @param issueNumber issues a new Waybill number for a parcel from the given country */
    public RegisterShipmentService(Function<CountryCode, TrackingNumber> issueNumber, ShipmentRepository shipments,
            ShipmentLookup lookup, TrackingEventMapper events, Clock clock) {
        this.issueNumber = issueNumber;
        this.shipments = shipments;
        this.lookup = lookup;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Shipment register(Command command) {
        var history = events.from(command.events());
        ShipmentKey key = keyOf(command);
        Shipment shipment = Shipment.register(key, command.details(), history,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        shipments.register(shipment);
        lookup.refresh(key.number());
        return shipment;
    }

    private ShipmentKey keyOf(Command command) {
        if (command.number().isPresent()) {
            Carrier carrier = command.carrier().orElseThrow(
                    () -> new InvalidCommandException("A carrier is required with a tracking number"));
            if (carrier.equals(Carrier.WAYBILL)) {
                throw new InvalidCommandException("Waybill's own tracking numbers are issued, never registered:"
                        + " leave tracking_number out to have one issued");
            }
            return new ShipmentKey(command.number().get(), carrier);
        }
        if (command.carrier().isPresent() && !command.carrier().get().equals(Carrier.WAYBILL)) {
            throw new InvalidCommandException("A tracking number is required with carrier "
                    + command.carrier().get() + "; Waybill issues numbers only for itself");
        }
        CountryCode origin = command.details().origin().orElseThrow(() -> new InvalidCommandException(
                "An origin country (or a sender's address country) is required to issue a tracking number"));
        return ShipmentKey.of(issueNumber.apply(origin));
    }
}
