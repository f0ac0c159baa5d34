package io.waybill.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import org.hawkular.agent.prometheus.types.MetricType;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;

/**
 * What {@code GET /metrics} served, read by a parser of Prometheus' text format (Hawkular's), by family: a series is
 * found by its family's name and its labels, all of them.
 */
final class Scrape {

    private final Map<String, MetricFamily> families = new HashMap<>();

    private Scrape(List<MetricFamily> parsed) {
        parsed.forEach(family -> families.put(family.getName(), family));
    }

    static Scrape of(byte[] body) {
        CollectorPrometheusMetricsWalker walker = new CollectorPrometheusMetricsWalker();
        new TextPrometheusMetricsProcessor(new ByteArrayInputStream(body), walker).walk();
        return new Scrape(walker.getAllMetricFamilies());
    }

    MetricFamily family(String name, MetricType type) {
        MetricFamily family = families.get(name);
        assertThat(family).as("the family " + name + " among " + families.keySet()).isNotNull();
        assertThat(family.getType()).as(name).isEqualTo(type);
        return family;
    }

    boolean has(String name) {
        return families.containsKey(name);
    }

    /** The counter's value; 0 when the series is not there (yet). */
    double counter(String name, String... labels) {
        return series(name, MetricType.COUNTER, labels).map(metric -> ((Counter) metric).getValue()).orElse(0.0);
    }

    double gauge(String name, String... labels) {
        return ((Gauge) series(name, MetricType.GAUGE, labels).orElseThrow(() -> new AssertionError(
                "no series " + name + " " + List.of(labels)))).getValue();
    }

    Optional<Histogram> histogram(String name, String... labels) {
        return series(name, MetricType.HISTOGRAM, labels).map(Histogram.class::cast);
    }

    List<Metric> all(String name) {
        MetricFamily family = families.get(name);
        return family == null ? List.of() : family.getMetrics();
    }

    private Optional<Metric> series(String name, MetricType type, String... labels) {
        if (!families.containsKey(name)) {
            return Optional.empty();
        }
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return family(name, type).getMetrics().stream().filter(metric -> metric.getLabels().equals(wanted)).findFirst();
    }
}
