package io.waybill.application.service;

import io.waybill.application.port.in.IssueTrackingNumberUseCase;
import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.ShipmentRepository;
import io.waybill.domain.Order;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import io.waybill.domain.trackingnumber.TrackingNumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;

/**
 * Counts the numbers it issued, once stored, in {@code waybill.tracking.numbers.issued} ({@code keyed=false}).
 * Thread-safe: the sequence and the repository are, and nothing else is shared.
 */
public final class IssueTrackingNumberService implements IssueTrackingNumberUseCase {

    private final TrackingNumberFormat format;
    private final LongSupplier sequence;
    private final ShipmentRepository shipments;
    private final Clock clock;
    private final Metrics.Counter issuedCount;

    /** Without metrics. */
    public IssueTrackingNumberService(
            TrackingNumberFormat format, LongSupplier sequence, ShipmentRepository shipments, Clock clock) {
        this(format, sequence, shipments, clock, Metrics.NONE);
    }

    public IssueTrackingNumberService(TrackingNumberFormat format, LongSupplier sequence, ShipmentRepository shipments,
            Clock clock, Metrics metrics) {
        this.format = format;
        this.sequence = sequence;
        this.shipments = shipments;
        this.clock = clock;
        this.issuedCount = IssuedNumbers.counter(metrics, false);
    }

    @Override
    public IssuedTrackingNumber issue(Order order) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        IssuedTrackingNumber issued = new IssuedTrackingNumber(format.issue(order.origin(), sequence), order, now);
        shipments.add(issued);
        issuedCount.increment();
        return issued;
    }
}
