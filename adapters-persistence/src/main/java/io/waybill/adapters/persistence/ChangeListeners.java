package io.waybill.adapters.persistence;

import io.waybill.application.port.out.ShipmentChanges.Listener;
import io.waybill.domain.CarrierTrackingNumber;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the listeners of a {@link io.waybill.application.port.out.ShipmentChanges}; one that fails stops no other. */
final class ChangeListeners {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeListeners.class);

    private ChangeListeners() {}

    static void deliverChanged(List<Listener> listeners, Set<CarrierTrackingNumber> numbers) {
        listeners.forEach(listener -> deliver(listener, each -> each.changed(numbers)));
    }

    static void deliverMissed(List<Listener> listeners) {
        listeners.forEach(listener -> deliver(listener, Listener::mayHaveMissedChanges));
    }

    private static void deliver(Listener listener, Consumer<Listener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("A listener to changes of shipments failed: {}", e.toString());
            LOG.debug("The failure", e);
        }
    }
}
