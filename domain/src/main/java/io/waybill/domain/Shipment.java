package io.waybill.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A shipment and its history.
 *
 * @param events the tracking events in time order; events at the same instant in the order they were recorded
 * @param createdAt when Waybill registered the shipment
 * @param version counts the changes stored, for optimistic locking; 0 for a shipment not yet changed
 */
public record Shipment(ShipmentKey key, ShipmentDetails details, List<TrackingEvent> events, Instant createdAt,
        long version) {

    public Shipment {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(createdAt, "createdAt");
        events = List.copyOf(events);
    }

    /**
     * A new shipment with a first history, which must follow the transition rules.
     *
     * @throws IllegalTransitionException when the history breaks the rules
     */
    public static Shipment register(ShipmentKey key, ShipmentDetails details, List<TrackingEvent> history,
            Instant now) {
        return new Shipment(key, details, List.of(), now, 0).record(history).shipment();
    }

    /** The latest event's status; {@link ShipmentStatus#CREATED} without events. */
    public ShipmentStatus status() {
        return latest().map(TrackingEvent::status).orElse(ShipmentStatus.CREATED);
    }

    public Optional<TrackingEvent> latest() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /** The location of the latest event that has one. */
    public Optional<Location> currentLocation() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).location().isPresent()) {
                return events.get(i).location();
            }
        }
        return Optional.empty();
    }

    /** See {@link DeliveryEstimate}. */
    public Optional<LocalDate> estimatedDelivery() {
        return DeliveryEstimate.of(this);
    }

    /** Where the parcel goes: its receiver's address, {@link Address#NONE} when it has no receiver. */
    public Address receiverAddress() {
        return details.receiver().map(Party::address).orElse(Address.NONE);
    }

    public Optional<TrackingEvent> event(EventId id) {
        return events.stream().filter(event -> event.id().equals(id)).findFirst();
    }

    public Shipment withVersion(long newVersion) {
        return new Shipment(key, details, events, createdAt, newVersion);
    }

    /**
     * Adds events to the history, each at its place in time: after the events at the same instant that it has
     * already, and among themselves in the order given. An event whose id is in the history already changes nothing:
     * it is answered with the stored event. All or nothing, and judged on the history that results, whatever order
     * the events are given in: when a new event cannot follow the event before it, or be followed by the event after
     * it, none is added.
     *
     * @throws IllegalTransitionException naming the first new event that breaks the rules where it lands
     */
    public Recording record(List<TrackingEvent> incoming) {
        Map<EventId, TrackingEvent> byId = new HashMap<>();
        events.forEach(event -> byId.put(event.id(), event));
        List<Outcome> outcomes = new ArrayList<>(incoming.size());
        List<TrackingEvent> added = new ArrayList<>();
        for (TrackingEvent event : incoming) {
            TrackingEvent stored = byId.putIfAbsent(event.id(), event);
            outcomes.add(new Outcome(stored == null ? event : stored, stored != null));
            if (stored == null) {
                added.add(event);
            }
        }
        List<TrackingEvent> history = new ArrayList<>(events);
        history.addAll(added);
        history.sort(Comparator.comparing(event -> event.time().toInstant())); // stable: keeps the order above
        HistoryRules.checkNewSteps(history, Set.copyOf(added)); // no two are equal: their ids differ
        return new Recording(new Shipment(key, details, history, createdAt, version), outcomes, added);
    }

    /**
     * What {@link #record} made of each event, in the order given.
     *
     * @param added the events that are new, in the order given
     */
    public record Recording(Shipment shipment, List<Outcome> outcomes, List<TrackingEvent> added) {

        public Recording {
            outcomes = List.copyOf(outcomes);
            added = List.copyOf(added);
        }
    }

    /** @param duplicate whether the event was stored already; {@code event} is then the stored one */
    public record Outcome(TrackingEvent event, boolean duplicate) {}
}
