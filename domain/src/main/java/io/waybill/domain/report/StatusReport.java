package io.waybill.domain.report;

import io.waybill.domain.Carrier;
import io.waybill.domain.ShipmentStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How the shipments stood at a slot: the seed's count per current status (every status, 0 where none), and what its
 * users asked for beyond it.
 *
 * @param createdAt the slot: the time the report is for
 * @param period from the previous slot to this one
 * @param byStatus shipments per current status, every status present
 * @param byCarrier shipments per carrier and current status, the statuses with none left out
 * @param delivered shipments delivered in the period (by the time of their delivery event)
 * @param exceptions exceptions raised in the period (events with the exception status)
 * @param stalled shipments not in a final status with nothing recorded for them for {@code stalledDays}
 * @param stalledDays the days after which a shipment under way counts as stalled
 * @param transitTimes per origin and destination, for the shipments delivered in the period
 */
public record StatusReport(Instant createdAt, ReportPeriod period, Map<ShipmentStatus, Long> byStatus,
        Map<Carrier, Map<ShipmentStatus, Long>> byCarrier, long delivered, long exceptions, long stalled,
        int stalledDays, List<TransitTimes> transitTimes) {

    public StatusReport {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(period, "period");
        Map<ShipmentStatus, Long> every = new EnumMap<>(ShipmentStatus.class);
        for (ShipmentStatus status : ShipmentStatus.values()) {
            every.put(status, byStatus.getOrDefault(status, 0L));
        }
        byStatus = Collections.unmodifiableMap(every);
        Map<Carrier, Map<ShipmentStatus, Long>> carriers = new TreeMap<>(Comparator.comparing(Carrier::code));
        byCarrier.forEach((carrier, counts) -> {
            Map<ShipmentStatus, Long> ordered = new EnumMap<>(ShipmentStatus.class);
            ordered.putAll(counts);
            carriers.put(carrier, Collections.unmodifiableMap(ordered));
        });
        byCarrier = Collections.unmodifiableMap(carriers);
        transitTimes = List.copyOf(transitTimes);
        if (delivered < 0 || exceptions < 0 || stalled < 0 || stalledDays < 1) {
            throw new IllegalArgumentException("counts cannot be negative, and stalled days are at least 1");
        }
    }

    /** All shipments. */
    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
