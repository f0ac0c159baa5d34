package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingClient.Caller.PUBLIC;
import static io.waybill.bootstrap.TrackingClient.Caller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.HttpSettings;
import io.waybill.bootstrap.TrackingClient.Response;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status reports through the real service on the embedded default: the seed's {@code GET /trackingSummary}. */
class ReportEndToEndTest {

    private static final String KEY = "report-staff-key-0123456789abcdef";

    private final Waybill waybill =
            Waybill.start(WaybillConfig.embedded().withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY))));
    private final TrackingClient client = new TrackingClient(waybill.httpPort().orElseThrow(), KEY);

    @AfterEach
    void stop() {
        waybill.close();
    }

    @Test
    void theTrackingSummaryCountsTheImportedSampleByStatusLabel() {
        Response imported = client.post("/api/v1/imports", "text/csv", ImportOverHttpTest.sample("seed_data.csv"),
                STAFF);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

        Response summary = client.get("/trackingSummary", STAFF);

        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().fieldNames()).toIterable().containsExactly("created_at", "trackingSummary");
        // in_transit and transit; inbound-scan and scanned; delivery (out for delivery)
        assertThat(summary.json().get("trackingSummary").toString()).isEqualTo("{\"Created\":0,"
                + "\"Package Received\":2,\"In Transit\":2,\"Out for Delivery\":1,\"Available for Pickup\":0,"
                + "\"Delivery Attempted\":0,\"Delivered\":0,\"Returned to Sender\":0,\"Exception\":0,"
                + "\"Cancelled\":0}");
        assertThat(client.get("/trackingSummary", PUBLIC).status()).isEqualTo(401);
    }
}
