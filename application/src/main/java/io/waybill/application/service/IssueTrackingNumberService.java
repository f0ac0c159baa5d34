package io.waybill.application.service;

import io.waybill.application.port.in.IssueTrackingNumberUseCase;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.Order;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;

/** Thread-safe: the sequence and the repository are, and nothing else is shared. */
public final class IssueTrackingNumberService implements IssueTrackingNumberUseCase {

    private final TrackingNumberFormat format;
    private final LongSupplier sequence;
    private final ShipmentRepository shipments;
    private final Clock clock;

    public IssueTrackingNumberService(
            TrackingNumberFormat format, LongSupplier sequence, ShipmentRepository shipments, Clock clock) {
        this.format = format;
        this.sequence = sequence;
        this.shipments = shipments;
        this.clock = clock;
    }

    @Override
    public IssuedTrackingNumber issue(Order order) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        IssuedTrackingNumber issued = new IssuedTrackingNumber(format.issue(order.origin(), sequence), order, now);
        shipments.add(issued);
        return issued;
    }
}
