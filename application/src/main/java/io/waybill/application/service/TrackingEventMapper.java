package io.waybill.application.service;

import io.waybill.application.port.in.RecordTrackingEventsUseCase.EventInput;
import io.waybill.application.port.in.UnknownCarrierStatusException;
import io.waybill.domain.EventId;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.StatusMapping;
import io.waybill.domain.TrackingEvent;
import java.util.List;
import java.util.random.RandomGenerator;

/** Turns events as clients send them into tracking events: status mapped, id made when missing. Thread-safe. */
public final class TrackingEventMapper {

    private final StatusMapping mapping;
    private final RandomGenerator random;

    /** @param random must be thread-safe, such as a {@link java.security.SecureRandom} */
    public TrackingEventMapper(StatusMapping mapping, RandomGenerator random) {
        this.mapping = mapping;
        this.random = random;
    }

    /** @throws UnknownCarrierStatusException when an event has only a wording, and the mapping does not know it */
    List<TrackingEvent> from(List<EventInput> inputs) {
        return inputs.stream().map(this::from).toList();
    }

    private TrackingEvent from(EventInput input) {
        ShipmentStatus status = input.status().orElseGet(() -> {
            String wording = input.carrierStatus().orElseThrow();
            return mapping.canonical(wording).orElseThrow(() -> new UnknownCarrierStatusException(wording));
        });
        return new TrackingEvent(input.id().orElseGet(() -> EventId.random(random)), input.time(), status,
                input.carrierStatus().orElse(status.label()), input.location(), input.description());
    }
}
