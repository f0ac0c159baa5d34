package io.waybill.application.port.out;

import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The meters that the application and the adapters count and time with, each named where the counting happens
 * ({@code waybill.tracking.numbers.issued}), in dotted lower case; whatever implements this names them for its
 * backend (Prometheus: {@code waybill_tracking_numbers_issued_total}). {@code tags} are name and value pairs, from a
 * small, fixed set of values each (never a tracking number, a path or a key): every distinct set is a series of its
 * own.
 *
 * <p>Contract: ask for a meter once, when the class that records into it is made, and keep it: asking may look the
 * meter up, recording must not. Asking twice with one name and tags gives meters that record into one series.
 * Recording is thread-safe, never blocks and never throws. {@link #NONE} records nothing, at no cost: what runs when
 * metrics are turned off.
 */
public interface Metrics {

    /** Records nothing. */
    Metrics NONE = new Metrics() {
        @Override
        public Counter counter(String name, String description, String... tags) {
            return Counter.NONE;
        }

        @Override
        public Timer timer(String name, String description, String... tags) {
            return Timer.NONE;
        }

        @Override
        public Distribution distribution(String name, String description, String unit, String... tags) {
            return Distribution.NONE;
        }

        @Override
        public void gauge(String name, String description, DoubleSupplier value, String... tags) {}
    };

    /** A count that only goes up: things that happened. */
    Counter counter(String name, String description, String... tags);

    /** How long something took, with a histogram of durations from a fraction of a millisecond to seconds. */
    Timer timer(String name, String description, String... tags);

    /** How large something was, in {@code unit} ("rows"), with a histogram of sizes from 1 to thousands. */
    Distribution distribution(String name, String description, String unit, String... tags);

    /**
     * A value read when the meters are read (a queue's length, a backlog), from {@code value}, which is held for as
     * long as the meters live. {@code value} may be slow or throw: a failure shows as no value, never as an error to
     * whoever reads the meters.
     */
    void gauge(String name, String description, DoubleSupplier value, String... tags);

    /**
     * The library behind these meters, when it is a {@code type}: for an adapter that hands it to a library with
     * instrumentation of its own (HikariCP's pool), as {@link java.sql.Wrapper#unwrap} does for JDBC. Empty when
     * metrics are off.
     */
    default <T> Optional<T> unwrap(Class<T> type) {
        return Optional.empty();
    }

    /** Counts up. */
    @FunctionalInterface
    interface Counter {

        Counter NONE = amount -> {};

        void increment(long amount);

        default void increment() {
            increment(1);
        }
    }

    /** Records durations. */
    @FunctionalInterface
    interface Timer {

        Timer NONE = nanos -> {};

        void record(long nanos);
    }

    /** Records sizes. */
    @FunctionalInterface
    interface Distribution {

        Distribution NONE = amount -> {};

        void record(double amount);
    }
}
