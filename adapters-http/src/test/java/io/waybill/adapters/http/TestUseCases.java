package io.waybill.adapters.http;

import io.waybill.application.port.in.IssueTrackingNumberUseCase;
import io.waybill.domain.IssuedTrackingNumber;
import io.waybill.domain.PermutationKey;
import io.waybill.domain.TrackingNumberFormat;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Lambda use cases that issue real tracking numbers, and count how often they were asked. */
final class TestUseCases {

    static final Instant ISSUED_AT = Instant.parse("2026-11-21T10:00:00.123Z");

    private TestUseCases() {}

    static IssueTrackingNumberUseCase issuing(AtomicInteger calls) {
        TrackingNumberFormat format = new TrackingNumberFormat(new PermutationKey(0x5eed_0001L, 0x5eed_0002L));
        AtomicLong sequence = new AtomicLong();
        return order -> {
            calls.incrementAndGet();
            return new IssuedTrackingNumber(format.issue(order.origin(), sequence::getAndIncrement), order, ISSUED_AT);
        };
    }
}
