package io.waybill.application.service;

import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.CountryCode;
import io.waybill.domain.EventId;
import io.waybill.domain.Location.Centre;
import io.waybill.domain.Location;
import io.waybill.domain.OrderTime;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.TrackingEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Makes the history of a fake shipment, as the logistics system's generator does: Created and Package Received at the
 * sender's centre; In Transit at each of 1 to 3 transit centres (each step instead Exception with p = 0.05, which ends
 * the history); with p = 0.5 the parcel stays on the way; otherwise Out for Delivery and Delivery Attempted at the
 * receiver's centre (each Exception with p = 0.05); then Returned to Sender (p = 0.05) or Delivered, each again
 * Exception with p = 0.05. Events move forward by hours to days, and the last one is at most two weeks before
 * {@code until}. Not thread-safe.
 */
final class FakeHistories {

    private static final double EXCEPTION = 0.05;
    private static final double ON_THE_WAY = 0.5;
    private static final double RETURNED = 0.05;

    private final Random random;
    private final Instant until;

    FakeHistories(Random random, Instant until) {
        this.random = random;
        this.until = until;
    }

    History history(CarrierTrackingNumber number, FakeRegion from, FakeRegion to) {
        Centre origin = FakeRegion.pick(from.centres(), random);
        Centre destination = FakeRegion.pick(to.centres(), random);
        List<Centre> transit = transit(from, to, origin, destination);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(ShipmentStatus.CREATED, origin, 0, 2));
        steps.add(new Step(ShipmentStatus.RECEIVED, origin, 1, 12));
        lifecycle(steps, origin, transit, destination);
        // Times forward from zero, then moved so that the last event is up to two weeks before `until`.
        List<Long> minutes = new ArrayList<>();
        long at = 0;
        for (Step step : steps) {
            at += step.minHours() * 60L + random.nextInt((step.maxHours() - step.minHours()) * 60 + 1);
            minutes.add(at);
        }
        Instant start = until.minus(at + random.nextInt(14 * 24 * 60 + 1), ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.MINUTES);
        List<TrackingEvent> events = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            OffsetDateTime time = start.plus(minutes.get(i), ChronoUnit.MINUTES).atZone(zone(step.centre()))
                    .toOffsetDateTime();
            Optional<String> description = step.status() == ShipmentStatus.EXCEPTION
                    ? Optional.of(FakeRegion.pick(FakeWordings.EXCEPTIONS, random)) : Optional.empty();
            events.add(new TrackingEvent(new EventId("fake-" + number + "-" + (i + 1)), time, step.status(),
                    FakeRegion.pick(FakeWordings.of(step.status()), random), Optional.<Location>of(step.centre()),
                    description));
        }
        OffsetDateTime ordered = events.get(0).time().minusMinutes(5 + random.nextInt(24 * 60));
        return new History(events, new OrderTime(ordered), events.get(0).time().toInstant());
    }

    private void lifecycle(List<Step> steps, Centre origin, List<Centre> transit, Centre destination) {
        for (Centre centre : transit) {
            if (exception(steps, centre, 6, 30)) {
                return;
            }
            steps.add(new Step(ShipmentStatus.IN_TRANSIT, centre, 6, 30));
        }
        if (random.nextDouble() < ON_THE_WAY || exception(steps, destination, 4, 24)) {
            return;
        }
        steps.add(new Step(ShipmentStatus.OUT_FOR_DELIVERY, destination, 4, 24));
        if (exception(steps, destination, 2, 8)) {
            return;
        }
        steps.add(new Step(ShipmentStatus.DELIVERY_ATTEMPTED, destination, 2, 8));
        boolean returned = random.nextDouble() < RETURNED;
        Centre last = returned ? origin : destination;
        if (exception(steps, last, 4, 48)) {
            return;
        }
        steps.add(returned ? new Step(ShipmentStatus.RETURNED_TO_SENDER, origin, 24, 96)
                : new Step(ShipmentStatus.DELIVERED, destination, 2, 8));
    }

    // With p = 0.05 the step is an exception instead, which ends the history.
    private boolean exception(List<Step> steps, Centre centre, int minHours, int maxHours) {
        if (random.nextDouble() >= EXCEPTION) {
            return false;
        }
        steps.add(new Step(ShipmentStatus.EXCEPTION, centre, minHours, maxHours));
        return true;
    }

    // 1 to 3 centres on the way, other than the two ends: from either country on an international route.
    private List<Centre> transit(FakeRegion from, FakeRegion to, Centre origin, Centre destination) {
        List<Centre> candidates = new ArrayList<>(from.centres());
        if (to != from) {
            candidates.addAll(to.centres());
        }
        candidates.remove(origin);
        candidates.remove(destination);
        int count = 1 + random.nextInt(3);
        List<Centre> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(candidates.remove(random.nextInt(candidates.size())));
        }
        return chosen;
    }

    private static ZoneId zone(Centre centre) {
        return switch (centre.address().country().map(CountryCode::value).orElse("")) {
            case "TW" -> ZoneId.of("Asia/Taipei");
            case "US" -> ZoneId.of("America/New_York");
            case "DE", "FR", "NL" -> ZoneId.of("Europe/Berlin");
            default -> ZoneOffset.UTC;
        };
    }

    /** Hours after the previous step, from {@code minHours} to {@code maxHours}. */
    private record Step(ShipmentStatus status, Centre centre, int minHours, int maxHours) {}

    /** A shipment's events, when it was ordered and when it was registered: its first event. */
    record History(List<TrackingEvent> events, OrderTime ordered, Instant registered) {}
}
