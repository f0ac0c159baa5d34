package io.waybill.adapters.http.page;

import io.waybill.domain.ShipmentStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The progress line: the lifecycle's five milestones (label, hand-over, transit, last mile, delivery), with the steps
 * reached done, the parcel's status as the current step and the rest still to come. A status off the main line takes
 * the place of its milestone (a failed attempt or a pick-up point stands for the last mile); an exception is put
 * after the furthest milestone reached; a return or a cancellation ends the line there.
 */
final class Progress {

    enum State {
        DONE,
        CURRENT,
        TODO
    }

    /** @param trouble whether the step is one the receiver should worry about: shown as such, not by colour alone */
    record Step(ShipmentStatus status, State state, boolean trouble) {}

    private static final List<ShipmentStatus> MILESTONES = List.of(ShipmentStatus.CREATED, ShipmentStatus.RECEIVED,
            ShipmentStatus.IN_TRANSIT, ShipmentStatus.OUT_FOR_DELIVERY, ShipmentStatus.DELIVERED);

    private Progress() {}

    /** The steps of a parcel whose history went through {@code history}, in time order, and is now at its last. */
    static List<Step> of(List<ShipmentStatus> history) {
        ShipmentStatus status = history.isEmpty() ? ShipmentStatus.CREATED : history.get(history.size() - 1);
        List<Step> steps = new ArrayList<>(MILESTONES.size() + 1);
        int milestone = milestone(status);
        if (milestone >= 0) {
            for (int i = 0; i < MILESTONES.size(); i++) {
                State state = i < milestone ? State.DONE : i == milestone ? State.CURRENT : State.TODO;
                boolean here = i == milestone;
                steps.add(new Step(here ? status : MILESTONES.get(i), state,
                        here && status == ShipmentStatus.DELIVERY_ATTEMPTED));
            }
            return steps;
        }
        // An exception, a return or a cancellation: after the furthest milestone the parcel reached.
        int reached = history.stream().mapToInt(Progress::milestone).max().orElse(-1);
        for (int i = 0; i <= reached; i++) {
            steps.add(new Step(MILESTONES.get(i), State.DONE, false));
        }
        steps.add(new Step(status, State.CURRENT, true));
        if (status == ShipmentStatus.EXCEPTION) {
            for (int i = reached + 1; i < MILESTONES.size(); i++) {
                steps.add(new Step(MILESTONES.get(i), State.TODO, false));
            }
        }
        return steps;
    }

    /** The milestone a status stands at, or -1 for one off the line. */
    private static int milestone(ShipmentStatus status) {
        return switch (status) {
            case CREATED -> 0;
            case RECEIVED -> 1;
            case IN_TRANSIT -> 2;
            case OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED, AVAILABLE_FOR_PICKUP -> 3;
            case DELIVERED -> 4;
            case EXCEPTION, RETURNED_TO_SENDER, CANCELLED -> -1;
        };
    }
}
