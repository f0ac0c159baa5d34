package io.waybill.bootstrap;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricsProcessor;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;

/**
 * What the service's {@code GET /metrics} served, read by a parser of Prometheus' text format (Hawkular's): a series
 * is found by its family's name and all its labels.
 */
final class MetricsScrape {

    private final Map<String, MetricFamily> families = new HashMap<>();

    private MetricsScrape(List<MetricFamily> parsed) {
        parsed.forEach(family -> families.put(family.getName(), family));
    }

    static MetricsScrape of(String body) {
        CollectorPrometheusMetricsWalker walker = new CollectorPrometheusMetricsWalker();
        new TextPrometheusMetricsProcessor(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), walker)
                .walk();
        return new MetricsScrape(walker.getAllMetricFamilies());
    }

    boolean has(String family) {
        return families.containsKey(family);
    }

    /** A counter's value; 0 when the series is not there. */
    double counter(String family, String... labels) {
        return series(family, labels).map(metric -> ((Counter) metric).getValue()).orElse(0.0);
    }

    Optional<Double> gauge(String family, String... labels) {
        return series(family, labels).map(metric -> ((Gauge) metric).getValue());
    }

    Optional<Histogram> histogram(String family, String... labels) {
        return series(family, labels).map(Histogram.class::cast);
    }

    private Optional<Metric> series(String family, String... labels) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return Optional.ofNullable(families.get(family)).stream().flatMap(found -> found.getMetrics().stream())
                .filter(metric -> metric.getLabels().equals(wanted)).findFirst();
    }
}
