package io.waybill.application.port.out;

import io.waybill.domain.Carrier;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.report.TransitTimes;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A status report's figures, counted by the database in a few aggregate statements, never by reading shipments into
 * the process. Thread-safe.
 */
public interface ReportFigures {

    /**
     * The figures now, with what happened in {@code period}.
     *
     * @param stalledBefore a shipment not in a final status with nothing recorded for it since before this is stalled
     * @throws StorageUnavailableException when the database fails
     */
    Figures count(ReportPeriod period, Instant stalledBefore);

    /**
     * @param byStatus shipments per current status (statuses with none may be left out)
     * @param byCarrier shipments per carrier and current status (the same)
     * @param delivered shipments whose delivery event's time is in the period
     * @param exceptions events with the exception status whose time is in the period
     * @param stalled shipments not in a final status with nothing recorded for them since {@code stalledBefore}
     * @param transitTimes per origin and destination that had deliveries in the period, in the order of their codes
     *     (unknown countries last)
     */
    record Figures(Map<ShipmentStatus, Long> byStatus, Map<Carrier, Map<ShipmentStatus, Long>> byCarrier,
            long delivered, long exceptions, long stalled, List<TransitTimes> transitTimes) {

        public Figures {
            byStatus = Map.copyOf(byStatus);
            byCarrier = Map.copyOf(byCarrier);
            transitTimes = List.copyOf(transitTimes);
        }
    }
}
