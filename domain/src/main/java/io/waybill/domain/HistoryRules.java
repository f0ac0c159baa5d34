package io.waybill.domain;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a shipment's history must follow where new events land in it: each step allowed by the status table
 * ({@link ShipmentStatus#canMoveTo}), and no cancellation once the carrier had the parcel.
 */
final class HistoryRules {

    private HistoryRules() {}

    /**
     * Pairs of stored events that stay neighbours were judged when they were stored; every pair with a new event in
     * it is judged now.
     *
     * @param history the whole history, in time order
     * @param added the events of {@code history} that are new
     * @throws IllegalTransitionException naming the first new event that breaks the rules where it lands
     */
    static void checkNewSteps(List<TrackingEvent> history, Set<TrackingEvent> added) {
        int handedOver = -1;
        for (int i = 0; i < history.size(); i++) {
            TrackingEvent event = history.get(i);
            if (i > 0) {
                TrackingEvent before = history.get(i - 1);
                if ((added.contains(before) || added.contains(event)) && !before.status().canMoveTo(event.status())) {
                    TrackingEvent refused = added.contains(event) ? event : before;
                    throw refusal(refused, before.status().refusal(event.status()));
                }
            }
            // Only a parcel the carrier never had can be cancelled; after hand-over it is returned. The table cannot
            // say so on its own, since an exception may come before or after hand-over.
            if (event.status() == ShipmentStatus.CANCELLED && handedOver >= 0
                    && (added.contains(event) || added.contains(history.get(handedOver)))) {
                throw refusal(added.contains(event) ? event : history.get(handedOver), "cannot move to cancelled"
                        + " after the carrier had the parcel (" + history.get(handedOver).status().label()
                        .toLowerCase(Locale.ROOT) + "); it is returned to the sender instead");
            }
            if (handedOver < 0 && event.status() != ShipmentStatus.CREATED
                    && event.status() != ShipmentStatus.EXCEPTION) {
                handedOver = i;
            }
        }
    }

    private static IllegalTransitionException refusal(TrackingEvent refused, String why) {
        return new IllegalTransitionException("Event " + refused.id() + " at " + refused.time() + ": " + why, refused);
    }
}
