package io.waybill.domain;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One checkpoint in a shipment's history.
 *
 * @param time when it happened, with the offset the carrier reported (kept for showing local times)
 * @param carrierStatus the carrier's own wording, kept beside the canonical status
 */
public record TrackingEvent(EventId id, OffsetDateTime time, ShipmentStatus status, String carrierStatus,
        Optional<Location> location, Optional<String> description) {

    public static final int MAX_DESCRIPTION_LENGTH = 1000;

    public TrackingEvent {
        Objects.requireNonNull(id, "id");
        if (Objects.requireNonNull(time, "time").getYear() < 1970 || time.getYear() > 9999) {
            throw new IllegalArgumentException("an event's time must be between the years 1970 and 9999; got " + time);
        }
        Objects.requireNonNull(status, "status");
        try {
            Text.line(carrierStatus, 100);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the carrier's status " + e.getMessage(), e);
        }
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description").ifPresent(text -> {
            try {
                Text.line(text, MAX_DESCRIPTION_LENGTH);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("description " + e.getMessage(), e);
            }
        });
    }
}
