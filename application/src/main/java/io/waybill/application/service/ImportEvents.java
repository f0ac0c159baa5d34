package io.waybill.application.service;

import io.waybill.domain.EventId;
import io.waybill.domain.Shipment;
import io.waybill.domain.TrackingEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The event an import records for a shipment's carrier status. Its id is made from the shipment and the carrier's
 * wording, so that importing the same status twice, even at once from two processes, records it once. Thread-safe.
 */
final class ImportEvents {

    private final Clock clock;

    ImportEvents(Clock clock) {
        this.clock = clock;
    }

    /** The group as a new shipment, with the event of its status. */
    Shipment registration(ImportGroup group) {
        return Shipment.register(group.key(), group.details(), List.of(event(group)), clock.instant());
    }

    /**
     * The stored shipment with the event of the group's status recorded; empty when its latest event has that status
     * in the same wording already.
     *
     * @throws io.waybill.domain.IllegalTransitionException when the status may not follow the stored one
     */
    Optional<Shipment.Recording> recording(Shipment stored, ImportGroup group) {
        boolean sameStatus = stored.status() == group.status() && !stored.events().isEmpty()
                && stored.events().get(stored.events().size() - 1).carrierStatus().equals(group.carrierStatus());
        return sameStatus ? Optional.empty() : Optional.of(stored.record(List.of(event(group))));
    }

    private TrackingEvent event(ImportGroup group) {
        return new TrackingEvent(eventId(group), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), group.status(),
                group.carrierStatus(), Optional.empty(), Optional.empty());
    }

    private static EventId eventId(ImportGroup group) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((group.key().number() + "\n"
                    + group.key().carrier() + "\n" + group.carrierStatus()).getBytes(StandardCharsets.UTF_8));
            return new EventId("import-" + HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
