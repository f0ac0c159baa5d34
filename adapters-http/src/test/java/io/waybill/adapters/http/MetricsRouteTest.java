package io.waybill.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.out.Metrics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.MetricType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} on a real server, read by a parser of Prometheus' text format. */
class MetricsRouteTest {

    private static final String METRICS_KEY = "scrape-key-0123456789abcdef";
    private static final String REQUESTS = "http_server_requests_seconds";

    private Monitoring monitoring;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (monitoring != null) {
            monitoring.close();
        }
    }

    private void start(MetricsSettings settings) {
        monitoring = Monitoring.open(settings);
        server = TestServer.start(TestUseCases.builder()
                .issueTrackingNumber(TestUseCases.issuing(new AtomicInteger()))
                .findShipment(TestUseCases.finding(TestShipments.ALL))
                .build(), monitoring);
    }

    private Scrape scrape(String... headers) {
        HttpResponse<byte[]> response = server.get("/metrics", headers);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("text/plain; version=0.0.4; charset=utf-8");
        return Scrape.of(response.body());
    }

    @Test
    void timesEachRequestByItsRouteTemplateAndStatusNeverByItsPath() {
        start(MetricsSettings.ON);
        for (int i = 0; i < 3; i++) {
            assertThat(server.get("/next-tracking-number?" + TestServer.SAMPLE_QUERY).statusCode()).isEqualTo(200);
        }
        assertThat(server.get("/api/v1/shipments/NOSUCHNUMBER1").statusCode()).isEqualTo(404);
        assertThat(server.get("/nowhere/secret-path").statusCode()).isEqualTo(404);

        Scrape scrape = scrape();

        scrape.family(REQUESTS, MetricType.HISTOGRAM);
        Histogram issued = scrape.histogram(REQUESTS, "method", "GET", "route", "/next-tracking-number", "status",
                "200").orElseThrow();
        assertThat(issued.getSampleCount()).isEqualTo(3);
        assertThat(issued.getSampleSum()).isPositive();
        assertThat(issued.getBuckets()).extracting(Histogram.Bucket::getUpperBound)
                .contains(0.00025, 0.001, 0.1, 1.0, 10.0, Double.POSITIVE_INFINITY);
        assertThat(issued.getBuckets()).last().extracting(Histogram.Bucket::getCumulativeCount).isEqualTo(3L);
        assertThat(scrape.histogram(REQUESTS, "method", "GET", "route", "/api/v1/shipments/{tracking_number}",
                "status", "404")).get().extracting(Histogram::getSampleCount).isEqualTo(1L);
        assertThat(scrape.histogram(REQUESTS, "method", "GET", "route", "unmatched", "status", "404")).get()
                .extracting(Histogram::getSampleCount).isEqualTo(1L);
        assertThat(scrape.all(REQUESTS)).allSatisfy(series -> assertThat(series.getLabels().values())
                .noneMatch(value -> value.contains("NOSUCHNUMBER1") || value.contains("secret")));
    }

    @Test
    void aMethodOutsideHttpsOwnIsCountedAsOtherNeverByItsName() {
        start(MetricsSettings.ON);
        int status = server.send("BREWCOFFEE", "/health").statusCode();

        Scrape scrape = scrape();

        assertThat(scrape.all(REQUESTS)).extracting(series -> series.getLabels().get("method"))
                .doesNotContain("BREWCOFFEE");
        assertThat(scrape.all(REQUESTS)).filteredOn(series -> series.getLabels().get("method").equals("OTHER"))
                .singleElement().extracting(series -> series.getLabels().get("status"))
                .isEqualTo(Integer.toString(status));
    }

    @Test
    void aLaterScrapeShowsTheCountersMovedAndTheFirstScrapeItself() {
        start(MetricsSettings.ON);
        Scrape before = scrape();
        server.get("/health");
        server.get("/health");

        Scrape after = scrape();

        assertThat(before.histogram(REQUESTS, "method", "GET", "route", "/health", "status", "200")).isEmpty();
        assertThat(after.histogram(REQUESTS, "method", "GET", "route", "/health", "status", "200")).get()
                .extracting(Histogram::getSampleCount).isEqualTo(2L);
        assertThat(after.histogram(REQUESTS, "method", "GET", "route", "/metrics", "status", "200")).get()
                .extracting(Histogram::getSampleCount).isEqualTo(1L);
    }

    @Test
    void servesWhatTheApplicationCountsAndTheJvmsOwnMeters() {
        start(MetricsSettings.ON);
        Metrics metrics = monitoring.metrics();
        metrics.counter("waybill.test.things", "Things", "kind", "odd").increment(3);
        metrics.gauge("waybill.test.level", "A level", () -> 42);
        metrics.distribution("waybill.test.batch.size", "Batch sizes", "rows").record(7);
        metrics.timer("waybill.test.wait", "Waits").record(2_000_000);

        Scrape scrape = scrape();

        assertThat(scrape.counter("waybill_test_things_total", "kind", "odd")).isEqualTo(3);
        assertThat(scrape.gauge("waybill_test_level")).isEqualTo(42);
        Histogram sizes = scrape.histogram("waybill_test_batch_size_rows").orElseThrow();
        assertThat(sizes.getSampleSum()).isEqualTo(7);
        assertThat(sizes.getBuckets()).filteredOn(bucket -> bucket.getUpperBound() == 5).singleElement()
                .extracting(Histogram.Bucket::getCumulativeCount).isEqualTo(0L);
        assertThat(sizes.getBuckets()).filteredOn(bucket -> bucket.getUpperBound() == 10).singleElement()
                .extracting(Histogram.Bucket::getCumulativeCount).isEqualTo(1L);
        assertThat(scrape.histogram("waybill_test_wait_seconds").orElseThrow().getSampleSum()).isEqualTo(0.002);
        for (String jvm : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "system_cpu_count",
                "process_uptime_seconds", "jvm_gc_memory_allocated_bytes_total")) {
            assertThat(scrape.has(jvm)).as(jvm).isTrue();
        }
        assertThat(metrics.unwrap(io.micrometer.core.instrument.MeterRegistry.class)).isPresent();
    }

    @Test
    void withAKeyItAsksForItRefusesAnotherAndNoStaffKeyOpensIt() {
        start(new MetricsSettings(true, Optional.of(METRICS_KEY)));

        HttpResponse<byte[]> none = server.get("/metrics");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(server.get("/metrics", "Authorization", "Bearer " + METRICS_KEY + "x").statusCode()).isEqualTo(403);
        assertThat(server.get("/metrics", TestServer.STAFF).statusCode()).isEqualTo(403);
        assertThat(server.get("/metrics", "X-API-Key", METRICS_KEY, "Authorization", "Bearer wrong-key-012345678")
                .statusCode()).as("every key presented must be the metrics key").isEqualTo(403);

        assertThat(scrape("Authorization", "Bearer " + METRICS_KEY).has(REQUESTS)).isTrue();
        HttpResponse<byte[]> byHeader = server.get("/metrics", "X-API-Key", METRICS_KEY);
        assertThat(byHeader.statusCode()).isEqualTo(200);
        assertThat(byHeader.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(Scrape.of(byHeader.body()).histogram(REQUESTS, "method", "GET", "route", "/metrics", "status",
                "401")).get().extracting(Histogram::getSampleCount).isEqualTo(1L);
    }

    @Test
    void offThereIsNoRouteAndNothingIsKept() {
        start(MetricsSettings.OFF);

        assertThat(server.get("/metrics").statusCode()).isEqualTo(404);
        assertThat(monitoring.metrics()).isSameAs(Metrics.NONE);
        assertThat(monitoring.metrics().unwrap(io.micrometer.core.instrument.MeterRegistry.class)).isEmpty();
    }
}
