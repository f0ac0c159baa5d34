package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingClient.Caller.PUBLIC;
import static io.waybill.bootstrap.TrackingClient.Caller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.HttpSettings;
import io.waybill.adapters.http.MetricsSettings;
import io.waybill.bootstrap.TrackingClient.Response;
import java.util.List;
import org.hawkular.agent.prometheus.types.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} of the real service on the embedded default, read by a parser of Prometheus' text format. */
class MetricsEndToEndTest {

    private static final String KEY = "metrics-staff-key-0123456789abcdef";
    private static final String ISSUE = "/next-tracking-number?" + Orders.SAMPLE_QUERY;

    private Waybill waybill;

    @AfterEach
    void stop() {
        if (waybill != null) {
            waybill.close();
        }
    }

    private TrackingClient start(MetricsSettings metrics) {
        waybill = Waybill.start(WaybillConfig.embedded().withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY)))
                .withMetrics(metrics));
        return new TrackingClient(waybill.httpPort().orElseThrow(), KEY);
    }

    private static MetricsScrape scrape(TrackingClient client) {
        Response response = client.get("/metrics", PUBLIC);
        assertThat(response.status()).isEqualTo(200);
        return MetricsScrape.of(response.body());
    }

    @Test
    void threeNumbersIssuedCountThreeAndTheDatabaseCachesAndJvmShowUp() {
        TrackingClient client = start(MetricsSettings.ON);
        double before = scrape(client).counter("waybill_tracking_numbers_issued_total", "keyed", "false");
        String number = null;
        for (int i = 0; i < 3; i++) {
            Response issued = client.get(ISSUE, PUBLIC);
            assertThat(issued.status()).isEqualTo(200);
            number = issued.json().get("tracking_number").asText();
        }
        client.get("/api/v1/shipments/" + number, STAFF);
        client.get("/api/v1/shipments/" + number, STAFF);

        MetricsScrape scrape = scrape(client);

        assertThat(scrape.counter("waybill_tracking_numbers_issued_total", "keyed", "false") - before).isEqualTo(3);
        assertThat(scrape.counter("waybill_tracking_sequence_taken_total")).isGreaterThanOrEqualTo(3);
        assertThat(scrape.counter("waybill_tracking_blocks_reserved_total", "wait", "request")).isEqualTo(1);
        assertThat(scrape.histogram("http_server_requests_seconds", "method", "GET", "route",
                "/next-tracking-number", "status", "200")).get().extracting(Histogram::getSampleCount).isEqualTo(3L);
        assertThat(scrape.histogram("waybill_db_commit_batch_size_rows", "queue", "shipments")).get()
                .extracting(Histogram::getSampleSum).isEqualTo(3.0);
        assertThat(scrape.histogram("waybill_db_commit_wait_seconds", "queue", "shipments")).get()
                .extracting(Histogram::getSampleCount).isEqualTo(3L);
        assertThat(scrape.counter("waybill_cache_gets_total", "layer", "in-process", "result", "miss")).isEqualTo(1);
        assertThat(scrape.counter("waybill_cache_gets_total", "layer", "in-process", "result", "hit")).isEqualTo(1);
        assertThat(scrape.counter("waybill_weather_answers_unavailable_total", "reason", "weather_is_turned_off"))
                .isEqualTo(2);
        assertThat(scrape.gauge("hikaricp_connections_max", "pool", "waybill")).get().isEqualTo(10.0);
        assertThat(scrape.gauge("hikaricp_connections_active", "pool", "waybill")).isPresent();
        assertThat(scrape.has("jvm_memory_used_bytes")).isTrue();
        assertThat(scrape.has("process_uptime_seconds")).isTrue();
    }

    @Test
    void offTheServiceServesNoMetrics() {
        TrackingClient client = start(MetricsSettings.OFF);

        assertThat(client.get(ISSUE, PUBLIC).status()).isEqualTo(200);
        assertThat(client.get("/metrics", PUBLIC).status()).isEqualTo(404);
    }
}
