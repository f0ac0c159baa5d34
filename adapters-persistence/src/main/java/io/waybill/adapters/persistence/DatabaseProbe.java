package io.waybill.adapters.persistence;

import io.waybill.application.port.out.ComponentProbe;
import org.jdbi.v3.core.Jdbi;

/** Asks the database for {@code SELECT 1}. Thread-safe. */
final class DatabaseProbe implements ComponentProbe {

    private static final int TIMEOUT_SECONDS = 2;

    private final Jdbi jdbi;

    DatabaseProbe(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public State state() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT 1")
                    .setQueryTimeout(TIMEOUT_SECONDS)
                    .mapTo(Integer.class)
                    .one()) == 1 ? State.UP : State.DOWN;
        } catch (RuntimeException e) {
            return State.DOWN;
        }
    }
}
