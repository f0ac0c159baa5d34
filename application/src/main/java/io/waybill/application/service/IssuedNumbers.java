package io.waybill.application.service;

import io.waybill.application.port.out.Metrics;

/** The count of tracking numbers issued by the generator, by whether the request carried an idempotency key. */
final class IssuedNumbers {

    private IssuedNumbers() {}

    static Metrics.Counter counter(Metrics metrics, boolean keyed) {
        return metrics.counter("waybill.tracking.numbers.issued",
                "Tracking numbers issued and stored by the generator (GET /next-tracking-number)", "keyed",
                Boolean.toString(keyed));
    }
}
