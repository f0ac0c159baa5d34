package io.waybill.bootstrap;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What {@link Waybill} has opened, closed in the reverse order: the last opened first. Closing goes on past a failure,
 * so that one resource that fails to close does not leave the others open; the first failure is thrown, the others
 * suppressed in it. Not thread-safe: filled while Waybill starts, closed once.
 */
final class ResourceStack implements AutoCloseable {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** Adds a resource to close, and returns it. */
    <T extends AutoCloseable> T push(T resource) {
        resources.push(resource);
        return resource;
    }

    /** @throws IllegalStateException when a resource fails to close, after every other was closed */
    @Override
    public void close() {
        RuntimeException failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Waybill did not close cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
