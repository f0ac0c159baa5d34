package io.waybill.application.contract;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that needs time to pass, such as an expiry, asking again every few milliseconds. */
public final class Poll {

    private Poll() {}

    public static void until(String what, BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Not true within " + within + ": " + what);
            }
            try {
                Thread.sleep(10); // between two tries, not to wait for an event
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
