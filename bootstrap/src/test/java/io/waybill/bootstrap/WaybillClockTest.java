package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.adapters.cache.CacheSettings;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.adapters.http.RateLimitSettings;
import io.waybill.application.port.in.FindShipmentUseCase;
import io.waybill.domain.CarrierTrackingNumber;
import io.waybill.domain.Shipment;
import io.waybill.domain.trackingnumber.IssuedTrackingNumber;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The clock of {@link WaybillConfig#withClock} is the one the service reads, not the system's. */
class WaybillClockTest {

    private static final Instant SET = Instant.parse("2021-03-04T05:06:07.890Z");
    private static final Clock CLOCK = Clock.fixed(SET, ZoneOffset.UTC);
    private static final String KEY = "clock-test-staff-key-0123456789";

    @Test
    void theSystemsUtcClockUnlessSet() {
        assertThat(WaybillConfig.embedded().clock()).isEqualTo(Clock.systemUTC());
        assertThat(WaybillConfig.fromEnvironmentWithoutHttp(Map.of()).clock()).isEqualTo(Clock.systemUTC());
        assertThat(WaybillConfig.embedded().withClock(CLOCK).withoutHttp().withCache(CacheSettings.defaults())
                .withRateLimits(RateLimitSettings.OFF).clock()).isSameAs(CLOCK);
    }

    @Test
    void issuesAndStoresNumbersAtTheSetTime() {
        try (Waybill waybill = Waybill.start(WaybillConfig.embedded().withClock(CLOCK))) {
            IssuedTrackingNumber issued = waybill.nextTrackingNumber(Orders.sample());

            assertThat(issued.issuedAt()).isEqualTo(SET);
            assertThat(waybill.findShipment(staffQuery(issued.trackingNumber().value())))
                    .get().extracting(Shipment::createdAt).isEqualTo(SET);
        }
    }

    @Test
    void generatesHistoriesOverHttpThatEndByTheSetTime() throws Exception {
        WaybillConfig config = WaybillConfig.embedded().withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY)))
                .withClock(CLOCK);
        try (Waybill waybill = Waybill.start(config)) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + waybill.httpPort().orElseThrow() + "/fake?num=3"))
                    .header("Authorization", "Bearer " + KEY)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode data = new ObjectMapper().readTree(response.body()).get("data");
            assertThat(data).hasSize(3);
            for (JsonNode created : data) {
                Shipment shipment = waybill.findShipment(staffQuery(created.get("sno").asText())).orElseThrow();
                assertThat(shipment.events()).isNotEmpty().allSatisfy(event -> assertThat(event.time().toInstant())
                        .isBeforeOrEqualTo(SET)
                        .isAfter(SET.minus(Duration.ofDays(60))));
            }
        }
    }

    private static FindShipmentUseCase.Query staffQuery(String number) {
        return new FindShipmentUseCase.Query(
                new CarrierTrackingNumber(number), Optional.empty(), FindShipmentUseCase.Audience.STAFF);
    }
}
