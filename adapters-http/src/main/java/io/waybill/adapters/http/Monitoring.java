package io.waybill.adapters.http;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.waybill.application.port.out.Metrics;
import java.util.Objects;
import java.util.Optional;

/**
 * The service's meters, kept in a Prometheus registry (Micrometer) with the JVM's own (memory, garbage collection,
 * threads, processor, uptime), and served by {@link HttpApi} at {@code GET /metrics}. Made before everything that
 * counts, so that the database, the caches and the use cases can be handed its {@link #metrics()}; off, that is
 * {@link Metrics#NONE} and nothing is kept.
 *
 * <p>Lifecycle: {@link #open} makes the registry; {@link #close} stops the garbage collection's listener and closes
 * the registry, after everything that counts into it has closed. Thread-safe.
 */
public final class Monitoring implements AutoCloseable {

    private final MetricsSettings settings;
    private final Optional<PrometheusMeterRegistry> registry;
    private final Metrics metrics;
    private final AutoCloseable gc;

    private Monitoring(MetricsSettings settings, Optional<PrometheusMeterRegistry> registry, AutoCloseable gc) {
        this.settings = settings;
        this.registry = registry;
        this.metrics = registry.<Metrics>map(MicrometerMetrics::new).orElse(Metrics.NONE);
        this.gc = gc;
    }

    public static Monitoring open(MetricsSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (!settings.on()) {
            return new Monitoring(settings, Optional.empty(), () -> {});
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return new Monitoring(settings, Optional.of(registry), gc);
    }

    /** Where the service counts; {@link Metrics#NONE} when metrics are off. */
    public Metrics metrics() {
        return metrics;
    }

    MetricsSettings settings() {
        return settings;
    }

    /** The registry that {@code /metrics} serves; empty when metrics are off. */
    Optional<PrometheusMeterRegistry> registry() {
        return registry;
    }

    @Override
    public void close() {
        try {
            gc.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the garbage collection's meters", e);
        } finally {
            registry.ifPresent(PrometheusMeterRegistry::close);
        }
    }
}
