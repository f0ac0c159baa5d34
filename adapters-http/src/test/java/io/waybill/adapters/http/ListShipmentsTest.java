package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestJson.invalidParameters;
import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.ListShipmentsUseCase;
import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Filter;
import io.waybill.application.port.in.ListShipmentsUseCase.Page;
import io.waybill.domain.Carrier;
import io.waybill.domain.CountryCode;
import io.waybill.domain.CustomerId;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.ShipmentSummary;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/shipments} and the legacy {@code GET /shipment/}. */
class ListShipmentsTest {

    private static final List<ShipmentSummary> ALL =
            TestShipments.ALL.stream().map(ShipmentSummary::of).toList();
    private static final AtomicReference<ListShipmentsUseCase.Query> LAST = new AtomicReference<>();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        // Pages through ALL: a cursor names the last shipment of the page before.
        server = TestServer.start(TestUseCases.builder().listShipments(query -> {
            LAST.set(query);
            int from = query.after().map(cursor -> indexOf(cursor) + 1).orElse(0);
            List<ShipmentSummary> page = ALL.subList(from, Math.min(ALL.size(), from + query.limit()));
            boolean more = from + page.size() < ALL.size();
            return new Page(page, more ? Optional.of(Cursor.after(page.get(page.size() - 1))) : Optional.empty());
        }).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void forget() {
        LAST.set(null);
    }

    @Test
    void listsTheFirstPageWithDefaults() {
        HttpResponse<byte[]> response = server.get("/api/v1/shipments", STAFF);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(LAST.get()).isEqualTo(new ListShipmentsUseCase.Query(Filter.NONE, Optional.empty(), 50));
        JsonNode body = json(response.body());
        assertThat(body.get("shipments")).hasSize(4);
        assertThat(body.get("shipments").get(0).toString()).isEqualTo("{\"tracking_number\":\"TN12345678\","
                + "\"carrier\":\"DHL\",\"status\":\"in_transit\",\"origin_country\":\"TW\",\"destination_country\":"
                + "\"TW\",\"customer_id\":\"de619854-b59b-425e-9db4-943979e1bd49\",\"created_at\":"
                + "\"2026-11-20T00:30:00Z\",\"estimated_delivery\":\"2026-11-24\",\"weather\":null,"
                + "\"weather_unavailable\":\"weather is turned off\"}");
        assertThat(text(response.body())).endsWith(",\"next_cursor\":null}");
    }

    @Test
    void readsEveryFilterAndPagesWithTheCursor() {
        String filters = "/api/v1/shipments?status=in_transit&carrier=dhl&customer_id=de619854-b59b-425e-9db4-943979e1bd49"
                + "&origin_country=TW&destination_country=TW&created_from=2026-11-01T00:00:00+08:00"
                + "&created_before=2026-12-01T00:00:00Z&limit=3";

        JsonNode first = json(server.get(filters, STAFF).body());
        Filter filter = LAST.get().filter();
        String next = first.get("next_cursor").asText();
        JsonNode second = json(server.get(filters + "&cursor=" + next, STAFF).body());

        assertThat(filter).isEqualTo(new Filter(Optional.of(ShipmentStatus.IN_TRANSIT), Optional.of(new Carrier("DHL")),
                Optional.of(CustomerId.parse("de619854-b59b-425e-9db4-943979e1bd49")), Optional.of(CountryCode.of("TW")),
                Optional.of(CountryCode.of("TW")), Optional.of(Instant.parse("2026-10-31T16:00:00Z")),
                Optional.of(Instant.parse("2026-12-01T00:00:00Z"))));
        assertThat(first.get("shipments")).hasSize(3);
        assertThat(LAST.get().after()).hasValue(Cursor.parse(next));
        assertThat(second.get("shipments")).hasSize(1);
        assertThat(second.get("shipments").get(0).get("carrier").asText()).isEqualTo("UPS");
        assertThat(second.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void namesEveryInvalidParameter() {
        HttpResponse<byte[]> response = server.get("/api/v1/shipments?status=lost&carrier=%20&customer_id=42"
                + "&origin_country=XX&destination_country=tw&created_from=yesterday&created_before=2026-12-01"
                + "&limit=0&cursor=not-a-cursor", STAFF);
        HttpResponse<byte[]> tooMany = server.get("/api/v1/shipments?limit=101&limit=2", STAFF);
        HttpResponse<byte[]> tooLarge = server.get("/api/v1/shipments?limit=101", STAFF);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(invalidParameters(json(response.body()))).containsExactly("status", "carrier", "customer_id",
                "origin_country", "destination_country", "created_from", "created_before", "limit", "cursor");
        assertThat(json(response.body()).get("detail").asText()).isEqualTo("9 query parameters are invalid");
        assertThat(json(tooMany.body()).get("errors").get(0).get("message").asText()).isEqualTo("is given more than once");
        assertThat(json(tooLarge.body()).get("errors").get(0).get("message").asText())
                .isEqualTo("must be a whole number from 1 to 100");
        assertThat(LAST.get()).isNull();
    }

    @Test
    void legacyListIsABareArrayWithTheNextPageInALinkHeader() {
        HttpResponse<byte[]> first = server.get("/shipment/?limit=2", STAFF);
        String link = first.headers().firstValue("Link").orElseThrow();
        String next = link.substring(1, link.indexOf('>'));
        HttpResponse<byte[]> second = server.get(next, STAFF);
        HttpResponse<byte[]> last = server.get(next.replace("limit=2", "limit=5"), STAFF);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first.body()).isArray()).isTrue();
        assertThat(json(first.body())).hasSize(2);
        assertThat(link).matches("</shipment/\\?limit=2&cursor=[A-Za-z0-9_-]+>; rel=\"next\"");
        assertThat(json(second.body()).get(0).get("carrier").asText()).isEqualTo("DHL");
        assertThat(json(second.body()).get(0).get("tracking_number").asText()).isEqualTo("TN55555555");
        assertThat(json(last.body())).hasSize(2);
        assertThat(last.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void legacyListIgnoresFiltersItNeverHad() {
        HttpResponse<byte[]> response = server.get("/shipment?status=lost", STAFF);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(LAST.get().filter()).isEqualTo(Filter.NONE);
    }

    private static int indexOf(Cursor cursor) {
        for (int i = 0; i < ALL.size(); i++) {
            if (ALL.get(i).key().equals(cursor.key())) {
                return i;
            }
        }
        throw new AssertionError("no shipment " + cursor.key());
    }
}
