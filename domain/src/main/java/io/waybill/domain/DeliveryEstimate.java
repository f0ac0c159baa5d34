package io.waybill.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The estimated delivery date of a shipment, from a fixed rule rather than from the last event's date:
 *
 * <ol>
 *   <li>Delivered: the day of delivery. Returned to sender or cancelled: none. Available for pickup: none, since the
 *       receiver decides when to collect.
 *   <li>Otherwise the parcel's service time starts on the day the carrier took it over (the first event that is not
 *       {@code created}), or, while it has not been handed over, on the day after the shipment was registered. It
 *       takes {@value #DOMESTIC_DAYS} business days within one country, {@value #INTERNATIONAL_DAYS} between
 *       countries or when either country is unknown.
 *   <li>The latest event adjusts that: out for delivery means that day; a failed attempt means the next business
 *       day; an exception means at least {@value #DAYS_AFTER_EXCEPTION} business days after it; any other event
 *       means at least the business day after it, so a late parcel is never promised for a day already gone.
 * </ol>
 *
 * Business days are Monday to Friday. An event's day is its local day, in the offset the carrier reported.
 */
public final class DeliveryEstimate {

    static final int DOMESTIC_DAYS = 2;
    static final int INTERNATIONAL_DAYS = 5;
    static final int DAYS_AFTER_EXCEPTION = 2;

    private DeliveryEstimate() {}

    public static Optional<LocalDate> of(Shipment shipment) {
        List<TrackingEvent> events = shipment.events();
        Optional<TrackingEvent> latest = events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
        ShipmentStatus status = shipment.status();
        switch (status) {
            case DELIVERED:
                return latest.map(DeliveryEstimate::day);
            case RETURNED_TO_SENDER:
            case CANCELLED:
            case AVAILABLE_FOR_PICKUP:
                return Optional.empty();
            default:
                break;
        }
        LocalDate start = events.stream()
                .filter(event -> event.status() != ShipmentStatus.CREATED)
                .findFirst()
                .map(DeliveryEstimate::day)
                .orElseGet(() -> shipment.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1));
        int serviceDays = shipment.details().isDomestic() ? DOMESTIC_DAYS : INTERNATIONAL_DAYS;
        LocalDate planned = addBusinessDays(start, serviceDays);
        if (latest.isEmpty()) {
            return Optional.of(planned);
        }
        LocalDate latestDay = day(latest.get());
        return Optional.of(switch (status) {
            case OUT_FOR_DELIVERY -> latestDay;
            case DELIVERY_ATTEMPTED -> addBusinessDays(latestDay, 1);
            case EXCEPTION -> later(planned, addBusinessDays(latestDay, DAYS_AFTER_EXCEPTION));
            default -> later(planned, addBusinessDays(latestDay, 1));
        });
    }

    static LocalDate addBusinessDays(LocalDate from, int days) {
        LocalDate date = from;
        for (int added = 0; added < days; ) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return date;
    }

    private static LocalDate day(TrackingEvent event) {
        return event.time().toLocalDate();
    }

    private static LocalDate later(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }
}
