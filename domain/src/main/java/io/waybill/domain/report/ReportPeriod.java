package io.waybill.domain.report;

import java.time.Instant;
import java.util.Objects;

/** The time a report covers: from the previous slot (inclusive) to its own (exclusive). */
public record ReportPeriod(Instant from, Instant to) {

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("a period cannot end (" + to + ") before it begins (" + from + ")");
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
