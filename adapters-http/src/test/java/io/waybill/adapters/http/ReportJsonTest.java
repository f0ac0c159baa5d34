package io.waybill.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.domain.Carrier;
import io.waybill.domain.CountryCode;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.report.StatusReport;
import io.waybill.domain.report.TransitTimes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stored report's JSON: the seed's two keys first, as the seed wrote them, then Waybill's own. */
class ReportJsonTest {

    private final JsonWriter json = new JsonWriter(JsonWriter.newMapper());

    @Test
    void writesTheSeedsKeysThenWaybillsOwn() {
        StatusReport report = new StatusReport(Instant.parse("2026-12-06T08:00:00Z"),
                new ReportPeriod(Instant.parse("2026-12-06T00:00:00Z"), Instant.parse("2026-12-06T08:00:00Z")),
                Map.of(ShipmentStatus.IN_TRANSIT, 12L, ShipmentStatus.DELIVERED, 30L),
                Map.of(Carrier.parse("UPS"), Map.of(ShipmentStatus.DELIVERED, 10L),
                        Carrier.parse("DHL"), Map.of(ShipmentStatus.DELIVERED, 20L, ShipmentStatus.IN_TRANSIT, 12L)),
                4, 1, 2, 3,
                List.of(new TransitTimes(Optional.of(CountryCode.of("DE")), Optional.empty(), 3,
                        Duration.ofMinutes(50 * 60 + 15), Duration.ofHours(70))));

        String written = new String(json.bytes(ReportJson.of(report)), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo("{\"created_at\":\"2026-12-06T08:00:00Z\",\"trackingSummary\":{\"Created\":0,"
                + "\"Package Received\":0,\"In Transit\":12,\"Out for Delivery\":0,\"Available for Pickup\":0,"
                + "\"Delivery Attempted\":0,\"Delivered\":30,\"Returned to Sender\":0,\"Exception\":0,"
                + "\"Cancelled\":0},\"period\":{\"from\":\"2026-12-06T00:00:00Z\",\"to\":\"2026-12-06T08:00:00Z\"},"
                + "\"total\":42,\"by_carrier\":{\"DHL\":{\"In Transit\":12,\"Delivered\":20},"
                + "\"UPS\":{\"Delivered\":10}},\"delivered\":4,\"exceptions\":1,\"stalled\":2,\"stalled_days\":3,"
                + "\"transit_times\":[{\"origin\":\"DE\",\"destination\":null,\"delivered\":3,"
                + "\"median_hours\":50.25,\"p90_hours\":70.0}]}");
    }
}
