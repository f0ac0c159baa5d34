package io.waybill.application.port.out;

/** A component this instance depends on, such as its database, asked how it is. Thread-safe. */
public interface ComponentProbe {

    String name();

    /** The component's state now; never throws, and returns within a few seconds. */
    State state();

    enum State {
        UP,
        /** Not working, but the instance still serves every request, more slowly (such as a cache that is down). */
        DEGRADED,
        /** Not working, and requests fail without it. */
        DOWN
    }
}
