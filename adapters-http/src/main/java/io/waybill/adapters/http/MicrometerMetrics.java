package io.waybill.adapters.http;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.application.port.out.Metrics;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The {@link Metrics} port on a Micrometer registry. Timers and distributions publish fixed histogram buckets (the
 * service level objectives below), so that Prometheus can compute quantiles across instances with a bounded number of
 * series: {@link #LATENCY_BUCKETS} for durations, {@link #SIZE_BUCKETS} for sizes. (Micrometer's {@code Counter} and
 * {@code Timer} are named in full: inside this class the port's own are in scope.) Thread-safe.
 */
final class MicrometerMetrics implements Metrics {

    /** From a quarter of a millisecond (a cached lookup) to ten seconds (a commit that times out). */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1).dividedBy(4), Duration.ofMillis(1).dividedBy(2), Duration.ofMillis(1),
        Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)
    };

    /** Batch sizes and the like: 1 to a few thousand. */
    static final double[] SIZE_BUCKETS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000};

    private final MeterRegistry registry;

    MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Metrics.Counter counter(String name, String description, String... tags) {
        io.micrometer.core.instrument.Counter counter = io.micrometer.core.instrument.Counter.builder(name)
                .description(description).tags(tags).register(registry);
        return counter::increment;
    }

    @Override
    public Metrics.Timer timer(String name, String description, String... tags) {
        io.micrometer.core.instrument.Timer timer = latencyTimer(name, description, tags).register(registry);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A timer with the latency buckets, to be tagged and registered by the caller. */
    static io.micrometer.core.instrument.Timer.Builder latencyTimer(String name, String description, String... tags) {
        return io.micrometer.core.instrument.Timer.builder(name).description(description).tags(tags)
                .serviceLevelObjectives(LATENCY_BUCKETS);
    }

    @Override
    public Distribution distribution(String name, String description, String unit, String... tags) {
        DistributionSummary summary = DistributionSummary.builder(name).description(description).baseUnit(unit)
                .tags(tags).serviceLevelObjectives(SIZE_BUCKETS).register(registry);
        return summary::record;
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value, String... tags) {
        Gauge.builder(name, value, DoubleSupplier::getAsDouble).description(description).tags(tags)
                .strongReference(true).register(registry);
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(registry) ? Optional.of(type.cast(registry)) : Optional.empty();
    }
}
