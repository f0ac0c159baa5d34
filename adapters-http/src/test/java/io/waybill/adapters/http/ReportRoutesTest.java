package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.domain.Carrier;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.report.StatusReport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /trackingSummary}: the seed cohort's summary of now, for staff. */
class ReportRoutesTest {

    private static final AtomicReference<ReportPeriod> ASKED = new AtomicReference<>();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder().makeReport(period -> {
            ASKED.set(period);
            return new StatusReport(Instant.parse("2026-12-06T08:00:00Z"), period,
                    Map.of(ShipmentStatus.IN_TRANSIT, 12L, ShipmentStatus.DELIVERED, 30L),
                    Map.of(Carrier.parse("DHL"), Map.of(ShipmentStatus.DELIVERED, 30L)), 4, 1, 2, 3, List.of());
        }).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void answersTheSeedsShapeWithEveryStatusByItsLabel() {
        Instant before = Instant.now();
        HttpResponse<byte[]> response = server.get("/trackingSummary", STAFF);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response.body())).isEqualTo("{\"created_at\":\"2026-12-06T08:00:00Z\",\"trackingSummary\":{"
                + "\"Created\":0,\"Package Received\":0,\"In Transit\":12,\"Out for Delivery\":0,"
                + "\"Available for Pickup\":0,\"Delivery Attempted\":0,\"Delivered\":30,\"Returned to Sender\":0,"
                + "\"Exception\":0,\"Cancelled\":0}}");
        ReportPeriod period = ASKED.get();
        assertThat(period.from()).isEqualTo(period.to());
        assertThat(Duration.between(before, period.to())).isBetween(Duration.ZERO, Duration.ofSeconds(10));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    }

    @Test
    void isForStaffOnly() {
        assertThat(server.get("/trackingSummary").statusCode()).isEqualTo(401);
    }
}
