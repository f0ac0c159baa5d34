package io.waybill.application.port.out;

/** A component this instance depends on, such as its database, asked whether it answers. Thread-safe. */
public interface ComponentProbe {

    String name();

    /** Whether the component answers now; never throws, and returns within a few seconds. */
    boolean isUp();
}
