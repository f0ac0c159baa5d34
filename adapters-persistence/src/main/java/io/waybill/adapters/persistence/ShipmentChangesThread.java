package io.waybill.adapters.persistence;

import io.waybill.application.port.out.ShipmentChanges;
import io.waybill.application.support.DaemonThreads;
import io.waybill.domain.CarrierTrackingNumber;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the two kinds of {@link ShipmentChanges} share: the listeners, and a daemon thread that the first
 * {@link #subscribe} starts, runs {@link #run} until {@link #close}, and hands what it learns to the listeners, one
 * call at a time; a listener that fails stops no other. Thread-safe.
 */
abstract class ShipmentChangesThread implements ShipmentChanges, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShipmentChangesThread.class);

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Thread thread = DaemonThreads.thread("waybill-shipment-changes", this::run);
    private volatile boolean closed;

    @Override
    public final void subscribe(Listener listener) {
        listeners.add(listener);
        if (started.compareAndSet(false, true) && !closed) {
            thread.start();
        }
    }

    /**
     * Stops the thread: interrupted in a wait between attempts, it ends within a fraction of a second. Listeners are
     * not called any more once this returns.
     */
    @Override
    public final void close() {
        closed = true;
        if (started.get()) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Learns of changes until {@link #closed}. */
    abstract void run();

    final boolean closed() {
        return closed;
    }

    final void deliverChanged(Set<CarrierTrackingNumber> numbers) {
        if (!closed) {
            listeners.forEach(listener -> deliver(listener, each -> each.changed(numbers)));
        }
    }

    final void deliverMissed() {
        if (!closed) {
            listeners.forEach(listener -> deliver(listener, Listener::mayHaveMissedChanges));
        }
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
