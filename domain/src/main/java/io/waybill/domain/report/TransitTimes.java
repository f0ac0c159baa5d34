package io.waybill.domain.report;

import io.waybill.domain.CountryCode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the shipments from one country to another that were delivered in a period took, from their creation to
 * their delivery: the median and the 90th percentile, each by nearest rank (the smallest time at least that share
 * of the shipments took no longer than), so that every figure is one a shipment really took.
 *
 * @param origin the country the shipments left, when known
 * @param destination the country they went to, when known
 * @param delivered how many were delivered in the period
 */
public record TransitTimes(Optional<CountryCode> origin, Optional<CountryCode> destination, long delivered,
        Duration median, Duration p90) {

    public TransitTimes {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(p90, "p90");
        if (delivered < 1) {
            throw new IllegalArgumentException("transit times need at least one delivery; got " + delivered);
        }
        if (median.isNegative() || p90.compareTo(median) < 0) {
            throw new IllegalArgumentException("the 90th percentile (" + p90 + ") is below the median (" + median
                    + "), or the median is negative");
        }
    }
}
