package io.waybill.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Waybill's canonical shipment statuses, in the spirit of the commercial trackers, and the one table of which status
 * may follow which.
 *
 * <p>A shipment's history is its tracking events in time order; each consecutive pair of events must be an allowed
 * move. The first event may have any status: tracking often starts late, when a parcel is already on its way. A
 * shipment without events is {@link #CREATED}.
 */
public enum ShipmentStatus {
    /** A label is made; the carrier does not have the parcel yet. */
    CREATED("Created"),
    /** The carrier has taken the parcel over (picked up, dropped off, first scan). */
    RECEIVED("Package Received"),
    IN_TRANSIT("In Transit"),
    OUT_FOR_DELIVERY("Out for Delivery"),
    /** Waiting at a pick-up point or depot for the receiver to collect it. */
    AVAILABLE_FOR_PICKUP("Available for Pickup"),
    /** The courier tried and failed; another attempt, a pick-up point or a return follows. */
    DELIVERY_ATTEMPTED("Delivery Attempted"),
    DELIVERED("Delivered"),
    /** Back with the sender. */
    RETURNED_TO_SENDER("Returned to Sender"),
    /** Something went wrong (damage, customs hold, lost, address problem); it may still resolve, see the table. */
    EXCEPTION("Exception"),
    /** Called off before the carrier had the parcel. */
    CANCELLED("Cancelled");

    // Codes are asked for on every lookup, and parsed on every read from storage, so they are made once.
    private static final Map<String, ShipmentStatus> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ShipmentStatus::code, status -> status));

    private final String label;
    private final String code;
    private Set<ShipmentStatus> next;

    ShipmentStatus(String label) {
        this.label = label;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    static {
        // Final statuses accept nothing, not even themselves: a repeated delivery scan is sent with the same event
        // id and is then a duplicate, not a new step.
        DELIVERED.next = EnumSet.noneOf(ShipmentStatus.class);
        RETURNED_TO_SENDER.next = EnumSet.noneOf(ShipmentStatus.class);
        CANCELLED.next = EnumSet.noneOf(ShipmentStatus.class);
        // Before hand-over a parcel cannot be out for delivery or delivered. Some carriers send no acceptance scan,
        // so the first hub scan (in transit) may come straight after the label. Cancelling is possible only before
        // hand-over: once the carrier has had the parcel, calling it off is a return.
        CREATED.next = EnumSet.of(CREATED, RECEIVED, IN_TRANSIT, EXCEPTION, CANCELLED);
        // A parcel handed in at its destination depot can go out for delivery or to a pick-up point at once; one
        // refused at the counter goes back.
        RECEIVED.next = EnumSet.of(
                RECEIVED, IN_TRANSIT, OUT_FOR_DELIVERY, AVAILABLE_FOR_PICKUP, EXCEPTION, RETURNED_TO_SENDER);
        // Many last-mile partners send no out-for-delivery scan, so delivered may follow in transit directly. A
        // delivery attempt cannot: there is no attempt without going out for delivery.
        IN_TRANSIT.next = EnumSet.of(
                IN_TRANSIT, OUT_FOR_DELIVERY, AVAILABLE_FOR_PICKUP, DELIVERED, EXCEPTION, RETURNED_TO_SENDER);
        // A van may bring a parcel back to the depot (in transit again) or to a pick-up point.
        OUT_FOR_DELIVERY.next = EnumSet.of(OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED, DELIVERED, AVAILABLE_FOR_PICKUP,
                IN_TRANSIT, EXCEPTION, RETURNED_TO_SENDER);
        DELIVERY_ATTEMPTED.next = EnumSet.of(DELIVERY_ATTEMPTED, OUT_FOR_DELIVERY, AVAILABLE_FOR_PICKUP, IN_TRANSIT,
                DELIVERED, EXCEPTION, RETURNED_TO_SENDER);
        // Collected (delivered), not collected in time (returned), or redelivered on request (out for delivery).
        AVAILABLE_FOR_PICKUP.next = EnumSet.of(
                AVAILABLE_FOR_PICKUP, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION, RETURNED_TO_SENDER);
        // An exception is not final: a customs hold is released, a damaged parcel is repacked, a lost one turns
        // up. It resolves into any status except back to a bare label. Cancelled is among them for an exception
        // before hand-over; whether there was a hand-over needs the whole history, so HistoryRules checks that part.
        EXCEPTION.next = EnumSet.complementOf(EnumSet.of(CREATED));
    }

    /** The code used in APIs and storage, such as {@code in_transit}. */
    public String code() {
        return code;
    }

    /** The wording of the original logistics status system, such as {@code In Transit}. */
    public String label() {
        return label;
    }

    public boolean canMoveTo(ShipmentStatus following) {
        return next.contains(following);
    }

    /** Final statuses end a history: nothing may follow them. */
    public boolean isFinal() {
        return next.isEmpty();
    }

    public static Optional<ShipmentStatus> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /**
     * The status with this code.
     *
     * @throws IllegalArgumentException naming every code, when none matches
     */
    public static ShipmentStatus parse(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("must be one of "
                + Arrays.stream(values()).map(ShipmentStatus::code).collect(Collectors.joining(", ")) + "; got "
                + Text.quote(code)));
    }

    /** The message for a refused move, such as {@code cannot move from delivered to in transit}. */
    public String refusal(ShipmentStatus following) {
        return "cannot move from " + label.toLowerCase(Locale.ROOT) + " to " + following.label.toLowerCase(Locale.ROOT)
                + (isFinal() ? " (" + label.toLowerCase(Locale.ROOT) + " is final)" : "");
    }
}
