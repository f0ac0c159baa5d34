package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.adapters.cache.CacheSettings;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.application.service.PermutationKeys;
import io.waybill.domain.StatusMapping;
import io.waybill.domain.trackingnumber.PermutationKey;
import io.waybill.domain.trackingnumber.TrackingNumber;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole service through the facade: HTTP on port 0 over the embedded SQLite in a file. */
class ServiceTest {

    private static final Pattern NUMBER = Pattern.compile("\"tracking_number\":\"([A-Z0-9]+)\"");
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private WaybillConfig config(Map<String, String> extra) {
        Map<String, String> environment = new java.util.HashMap<>(extra);
        environment.put("WAYBILL_DATA_DIR", data.toString());
        return WaybillConfig.fromEnvironment(environment).withHttp(new HttpSettings("127.0.0.1", 0, List.of("a-test-key-of-enough-length")));
    }

    @Test
    void answersTheSampleRequestAndFiftyConcurrentRequestsWithDistinctNumbers() throws Exception {
        try (Waybill waybill = Waybill.start(config(Map.of()))) {
            HttpResponse<String> sample = client.send(request(waybill, Orders.SAMPLE_QUERY),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(sample.statusCode()).isEqualTo(200);
            assertThat(sample.body()).contains("\"created_at\":\"").contains("\"customer_slug\":\"redbox-logistics\"");

            List<CompletableFuture<HttpResponse<String>>> concurrent = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                concurrent.add(client.sendAsync(request(waybill, Orders.SAMPLE_QUERY),
                        HttpResponse.BodyHandlers.ofString()));
            }
            var numbers = new HashSet<String>();
            for (var response : concurrent) {
                assertThat(response.get().statusCode()).isEqualTo(200);
                Matcher number = NUMBER.matcher(response.get().body());
                assertThat(number.find()).isTrue();
                assertThat(number.group(1)).matches("^[A-Z0-9]{1,16}$");
                numbers.add(number.group(1));
            }
            assertThat(numbers).hasSize(50);
        }
    }

    @Test
    void reportsReadinessAndRejectsBadInput() throws Exception {
        try (Waybill waybill = Waybill.start(config(Map.of()))) {
            assertThat(client.send(get(waybill, "/ready"), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("\"database\":\"up\"");
            HttpResponse<String> bad = client.send(request(waybill, "origin_country_id=XX"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    @Test
    void keepsIssuingNewNumbersAfterARestart() {
        TrackingNumber before;
        try (Waybill waybill = Waybill.start(config(Map.of()).withoutHttp())) {
            before = waybill.nextTrackingNumber(Orders.sample()).trackingNumber();
        }
        try (Waybill waybill = Waybill.start(config(Map.of()).withoutHttp())) {
            assertThat(waybill.nextTrackingNumber(Orders.sample()).trackingNumber()).isNotEqualTo(before);
        }
    }

    @Test
    void refusesToStartWithAKeyOtherThanTheDatabases() {
        PermutationKey first = new PermutationKey(1, 1);
        try (Waybill ignored = Waybill.start(new WaybillConfig(Optional.empty(), config(Map.of()).database(),
                CacheSettings.defaults(), Optional.of(first), StatusMapping.builtIn()))) {
            // binds the first key to the database
        }
        assertThatThrownBy(() -> Waybill.start(config(Map.of("WAYBILL_TRACKING_KEY", "0000000000000000000000000000000f"))))
                .isInstanceOf(PermutationKeys.KeyMismatchException.class)
                .hasMessageContaining("will not start");
    }

    private static HttpRequest request(Waybill waybill, String query) {
        return get(waybill, "/next-tracking-number?" + query);
    }

    private static HttpRequest get(Waybill waybill, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + waybill.httpPort().orElseThrow() + path)).build();
    }
}
