package io.waybill.domain;

/** A tracking event that the transition rules refuse at its place in a shipment's history. */
public final class IllegalTransitionException extends RuntimeException {

    private final transient TrackingEvent event;

    IllegalTransitionException(String message, TrackingEvent event) {
        super(message);
        this.event = event;
    }

    /** The refused event. */
    public TrackingEvent event() {
        return event;
    }
}
