package io.waybill.application.port.out;

import java.util.Objects;
import java.util.Optional;

/** A component this instance depends on, such as its database, asked how it is. Thread-safe. */
public interface ComponentProbe {

    String name();

    /** The component's state now; never throws, and returns within a few seconds. */
    State state();

    /** Its state with, when it is not up, what a person should know of it; like {@link #state}, never throws. */
    default Check check() {
        return new Check(state(), Optional.empty());
    }

    enum State {
        UP,
        /** Not working, but the instance still serves every request, more slowly (such as a cache that is down). */
        DEGRADED,
        /** Not working, and requests fail without it. */
        DOWN
    }

    /** @param detail what is wrong, for a person; empty when there is nothing to tell */
    record Check(State state, Optional<String> detail) {

        public Check {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
