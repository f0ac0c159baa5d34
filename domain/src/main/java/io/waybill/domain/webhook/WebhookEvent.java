package io.waybill.domain.webhook;

import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The events a webhook subscription may ask for, each named as the payload's {@code type} names it. */
public enum WebhookEvent {
    STATUS_CHANGED("shipment.status_changed"),
    DELIVERED("shipment.delivered"),
    EXCEPTION("shipment.exception"),
    ETA_CHANGED("shipment.eta_changed"),
    /** Sent by a periodic check, not by a change: no event for the report's stalled days. */
    STALLED("shipment.stalled");

    private final String type;

    WebhookEvent(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    /** The event named {@code type}, such as {@code shipment.delivered}. */
    public static Optional<WebhookEvent> ofType(String type) {
        return Arrays.stream(values()).filter(event -> event.type.equals(type)).findFirst();
    }

    /**
     * The events a change from {@code before} to {@code after} causes, in the order they are sent: a new status
     * ({@link #STATUS_CHANGED}, then {@link #DELIVERED} or {@link #EXCEPTION} when the new status is that), then a new
     * estimated delivery date. Events that leave both alone (a late scan of the same status) cause none.
     */
    public static Set<WebhookEvent> between(Shipment before, Shipment after) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        ShipmentStatus status = after.status();
        if (status != before.status()) {
            events.add(STATUS_CHANGED);
            if (status == ShipmentStatus.DELIVERED) {
                events.add(DELIVERED);
            } else if (status == ShipmentStatus.EXCEPTION) {
                events.add(EXCEPTION);
            }
        }
        if (!after.estimatedDelivery().equals(before.estimatedDelivery())) {
            events.add(ETA_CHANGED);
        }
        return events;
    }
}
