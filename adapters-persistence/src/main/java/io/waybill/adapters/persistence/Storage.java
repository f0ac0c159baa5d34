package io.waybill.adapters.persistence;

import io.waybill.application.port.out.StorageUnavailableException;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/** Turns database failures into the port's {@link StorageUnavailableException}. */
final class Storage {

    private Storage() {}

    static <T> T attempt(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw new StorageUnavailableException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    static void run(String what, Runnable work) {
        attempt(what, () -> {
            work.run();
            return null;
        });
    }
}
