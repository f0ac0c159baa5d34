package io.waybill.bootstrap;

import static io.waybill.bootstrap.TrackingClient.Caller.PUBLIC;
import static io.waybill.bootstrap.TrackingClient.Caller.STAFF;
import static io.waybill.bootstrap.TrackingClient.Caller.WRONG_KEY;
import static io.waybill.bootstrap.TrackingClient.Route.PATH;
import static io.waybill.bootstrap.TrackingClient.Route.POST;
import static io.waybill.bootstrap.TrackingClient.Route.QUERY;
import static io.waybill.bootstrap.TrackingRequests.FIRST_EVENTS;
import static io.waybill.bootstrap.TrackingRequests.FULL_SHIPMENT;
import static io.waybill.bootstrap.TrackingRequests.NUMBER;
import static io.waybill.bootstrap.TrackingRequests.event;
import static io.waybill.bootstrap.TrackingRequests.scan3;
import static io.waybill.bootstrap.TrackingRequests.shipment;
import static io.waybill.bootstrap.TrackingViews.assertPublicView;
import static io.waybill.bootstrap.TrackingViews.assertStaffView;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.adapters.http.HttpSettings;
import io.waybill.bootstrap.TrackingClient.Caller;
import io.waybill.bootstrap.TrackingClient.Response;
import io.waybill.bootstrap.TrackingClient.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shipment-tracking API end to end: the real service through {@link Waybill#start}, driven over HTTP as staff
 * and as the public, in ordered steps that build on each other. Each backend runs it in a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ShipmentTrackingEndToEndContract {

    static final String KEY = "e2e-staff-key-0123456789abcdef";
    static final String SHIPMENTS = "/api/v1/shipments";
    static final String EVENTS = SHIPMENTS + "/" + NUMBER + "/events?carrier=dhl";
    static final String HIDDEN = "HD12345678";
    static final String UNKNOWN = "UN12345678";

    private Waybill waybill;
    private TrackingClient client;
    private String waybillNumber;
    private final Set<String> registered = new HashSet<>();

    /** This backend's configuration; skips the class, or fails it under CI, when the backend is unreachable. */
    protected abstract WaybillConfig backend();

    /** Removes what the backend kept; runs after the service stopped, also when {@link #backend} failed. */
    protected abstract void cleanUp() throws Exception;

    @BeforeAll
    void startTheService() {
        waybill = Waybill.start(backend().withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY))));
        client = new TrackingClient(waybill.httpPort().orElseThrow(), KEY);
    }

    @AfterAll
    void stopTheService() throws Exception {
        try {
            if (waybill != null) {
                waybill.close();
            }
        } finally {
            cleanUp();
        }
    }

    @Test
    @Order(1)
    void registersShipmentsForStaffOnly() {
        Response anonymous = client.post(SHIPMENTS, FULL_SHIPMENT, PUBLIC);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).hasValue("Bearer");
        assertThat(anonymous.header("Content-Type")).hasValue("application/problem+json");
        assertThat(client.post(SHIPMENTS, FULL_SHIPMENT, WRONG_KEY).status()).isEqualTo(403);
        assertThat(client.lookUp(PATH, NUMBER, null, STAFF).status()).as("nothing registered").isEqualTo(404);

        Response full = register(FULL_SHIPMENT);
        assertThat(full.header("Location")).hasValue("/api/v1/shipments/TN12345678?carrier=DHL");
        assertThat(full.json().get("status").asText()).isEqualTo("created");
        assertThat(full.json().get("events")).isEmpty();
        assertThat(full.json().get("public_tracking").asBoolean()).isTrue();
        assertStaffView(full);
        assertThat(client.get(full.header("Location").orElseThrow(), STAFF).body()).isEqualTo(full.body());

        Response issued = register("{\"origin_country\": \"MY\", \"destination_country\": \"ID\"}");
        waybillNumber = issued.json().get("tracking_number").asText();
        assertThat(waybillNumber).hasSize(13).matches("MY[A-Z0-9]{11}");
        assertThat(issued.json().get("carrier").asText()).isEqualTo("WAYBILL");
        assertThat(issued.header("Location")).hasValue(SHIPMENTS + "/" + waybillNumber + "?carrier=WAYBILL");

        register("{\"tracking_number\": \"TN12345678\", \"carrier\": \"UPS\", \"origin_country\": \"US\"}");
        Response again = client.post(SHIPMENTS, "{\"tracking_number\": \"TN12345678\", \"carrier\": \"dhl\"}", STAFF);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("exists already");
        Response hidden = register("{\"tracking_number\": \"" + HIDDEN + "\", \"carrier\": \"DHL\","
                + " \"public_tracking\": false}");
        assertThat(hidden.json().get("public_tracking").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void recordsEventsOnceEachInTimeOrder() {
        assertThat(client.post(EVENTS, FIRST_EVENTS, PUBLIC).status()).isEqualTo(401);
        Response first = recorded(FIRST_EVENTS, 201);
        assertThat(first.json().get("carrier").asText()).isEqualTo("DHL");
        assertThat(first.json().get("status").asText()).isEqualTo("received");
        assertThat(first.json().get("events").findValuesAsText("event_id")).containsExactly("e1", "e2");
        assertThat(first.json().get("events").findValuesAsText("duplicate")).containsExactly("false", "false");
        assertThat(first.json().get("events").get(1).get("status").asText()).isEqualTo("received");
        assertThat(first.json().get("events").get(1).get("carrier_status").asText()).isEqualTo("inbound-scan");

        Response scan = recorded(scan3("2026-11-21T10:00:00+08:00"), 201);
        assertThat(scan.json().get("status").asText()).isEqualTo("in_transit");
        Response resent = recorded(scan3("2026-11-21T18:30:00+08:00"), 200);
        JsonNode stored = resent.json().get("events").get(0);
        assertThat(stored.get("duplicate").asBoolean()).isTrue();
        assertThat(stored.get("time").asText()).isEqualTo("2026-11-21T10:00:00+08:00");
        assertThat(withoutDuplicateFlag(stored)).isEqualTo(withoutDuplicateFlag(scan.json().get("events").get(0)));

        Response late = recorded(event("e-late", "2026-11-21T08:00:00+08:00", "status", "in_transit"), 201);
        assertThat(late.json().get("status").asText()).as("scan-3 is still the latest").isEqualTo("in_transit");
        JsonNode history = staffView().get("events");
        assertThat(history.findValuesAsText("event_id")).containsExactly("e1", "e2", "e-late", "scan-3");
        assertThat(history.findValuesAsText("time")).isSortedAccordingTo(Comparator.comparing(TrackingRequests::instant));
    }

    @Test
    @Order(3)
    void refusesAnIllegalMoveAndAnUnknownWordingAndKeepsTheHistory() {
        Response delivered = recorded(event("e5", "2026-11-22T14:00:00+08:00", "carrier_status", "Delivered"), 201);
        assertThat(delivered.json().get("status").asText()).isEqualTo("delivered");
        JsonNode before = staffView();

        Response illegal = client.post(EVENTS, event("e6", "2026-11-23T09:00:00+08:00", "status", "in_transit"), STAFF);
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.header("Content-Type")).hasValue("application/problem+json");
        assertThat(illegal.json().get("detail").asText()).contains("cannot move from delivered to in transit");
        assertThat(staffView()).as("the history is unchanged").isEqualTo(before);

        Response unknown = client.post(EVENTS, event("e7", "2026-11-22T16:00:00+08:00", "carrier_status", "teleported"),
                STAFF);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asText()).startsWith("Unknown carrier status 'teleported'");
        assertThat(staffView()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void looksUpByEveryRouteWithStaffsOrThePublicsView() {
        for (String carrier : List.of("DHL", "dhl")) {
            for (Route route : List.of(PATH, POST)) {
                assertStaffView(client.lookUp(route, NUMBER, carrier, STAFF));
                assertPublicView(client.lookUp(route, NUMBER, carrier, PUBLIC));
            }
        }
        for (Caller caller : List.of(STAFF, PUBLIC)) {
            String byPath = client.lookUp(PATH, NUMBER, "DHL", caller).body();
            assertThat(client.lookUp(POST, NUMBER, "DHL", caller).body()).isEqualTo(byPath);
            assertThat(client.lookUp(PATH, "tn12345678", "dhl", caller).body()).isEqualTo(byPath);
        }
        assertThat(client.lookUp(PATH, NUMBER, "DHL", WRONG_KEY).status()).isEqualTo(403);
        assertThat(client.lookUp(QUERY, NUMBER, "DHL", WRONG_KEY).body())
                .isEqualTo("{\"status\":\"error\",\"data\":null,\"error\":\"The API key is not valid\"}");

        Response publicQuery = client.lookUp(QUERY, NUMBER, "DHL", PUBLIC);
        assertThat(publicQuery.status()).isEqualTo(200);
        assertThat(publicQuery.header("Content-Type")).hasValue("application/json");
        assertThat(publicQuery.body()).startsWith("{\"status\":\"success\",\"data\":{").endsWith(",\"error\":null}")
                .doesNotContain(TrackingRequests.RECEIVER_STREET, TrackingRequests.CENTRE_STREET, "小賴", "\\u");
        JsonNode data = publicQuery.json().get("data");
        assertThat(data.get("sno").asText()).isEqualTo(NUMBER);
        assertThat(data.get("tracking_status").asText()).isEqualTo("Delivered");
        assertThat(data.get("details").findValuesAsText("id")).containsExactly("e1", "e2", "e-late", "scan-3", "e5");
        assertThat(data.get("details").get(1).get("status").asText()).isEqualTo("Package Received");
        assertThat(data.get("recipient").toString())
                .isEqualTo("{\"name\":\"賴**\",\"address\":\"100 台北市, TW\",\"phone\":\"******567\"}");
        assertThat(client.lookUp(QUERY, NUMBER, "DHL", STAFF).json().get("data").get("recipient").toString())
                .isEqualTo("{\"id\":\"R-0007\",\"name\":\"賴小賴\",\"address\":\"仁愛路二段99號, 100 台北市, TW\","
                        + "\"phone\":\"091234567\"}");

        JsonNode unique = client.lookUp(QUERY, waybillNumber, null, PUBLIC).json().get("data");
        assertThat(unique.get("sno").asText()).isEqualTo(waybillNumber);
        assertThat(unique.get("tracking_status").asText()).isEqualTo("Created");
    }

    @Test
    @Order(5)
    void asksForTheCarrierWhenANumberIsAmbiguous() {
        for (Caller caller : List.of(PUBLIC, STAFF)) {
            for (Route route : List.of(PATH, POST)) {
                Response ambiguous = client.lookUp(route, NUMBER, null, caller);
                assertThat(ambiguous.status()).as(route + " " + caller).isEqualTo(409);
                assertThat(ambiguous.header("Content-Type")).hasValue("application/problem+json");
                assertThat(ambiguous.json().get("detail").asText()).contains("several carriers");
                List<String> carriers = new ArrayList<>();
                ambiguous.json().get("carriers").forEach(carrier -> carriers.add(carrier.asText()));
                assertThat(carriers).containsExactlyInAnyOrder("DHL", "UPS");
            }
            Response query = client.lookUp(QUERY, NUMBER, null, caller);
            assertThat(query.status()).isEqualTo(409);
            assertThat(query.json().get("status").asText()).isEqualTo("error");
            assertThat(query.json().get("data").isNull()).isTrue();
            assertThat(query.json().get("error").asText())
                    .startsWith("Tracking number TN12345678 belongs to shipments of several carriers");
        }
    }

    @Test
    @Order(6)
    void answersAHiddenShipmentLikeAnUnknownOneToThePublic() {
        for (Route route : Route.values()) {
            Response hidden = client.lookUp(route, HIDDEN, null, PUBLIC);
            Response unknown = client.lookUp(route, UNKNOWN, null, PUBLIC);
            assertThat(hidden.status()).as(route.name()).isEqualTo(404);
            assertThat(hidden.body().replace(HIDDEN, "N")).isEqualTo(unknown.body().replace(UNKNOWN, "N"));
            assertThat(withoutPerRequestFields(hidden)).isEqualTo(withoutPerRequestFields(unknown));
            assertThat(client.lookUp(route, HIDDEN, null, STAFF).status()).as(route.name()).isEqualTo(200);
        }
        assertThat(client.lookUp(QUERY, UNKNOWN, null, PUBLIC).body()).isEqualTo(
                "{\"status\":\"error\",\"data\":null,\"error\":\"No shipment has tracking number " + UNKNOWN + "\"}");

        // One number, public with DHL and hidden with UPS: the public never learns of the UPS one.
        register(shipment("MX12345678", "DHL", "TW", "created"));
        register("{\"tracking_number\": \"MX12345678\", \"carrier\": \"UPS\", \"public_tracking\": false}");
        assertThat(client.lookUp(PATH, "MX12345678", null, PUBLIC).json().get("carrier").asText()).isEqualTo("DHL");
        assertThat(client.lookUp(PATH, "MX12345678", null, STAFF).status()).isEqualTo(409);
        assertThat(client.lookUp(POST, "MX12345678", "UPS", PUBLIC).body().replace("MX12345678 and carrier UPS", "N"))
                .isEqualTo(client.lookUp(POST, UNKNOWN, "UPS", PUBLIC).body().replace(UNKNOWN + " and carrier UPS", "N"));
    }

    @Test
    @Order(7)
    void aWriteRefreshesTheCacheBeforeItIsAcknowledged() {
        assertThat(client.lookUp(PATH, NUMBER, "UPS", PUBLIC).json().get("status").asText()).isEqualTo("created");
        assertThat(client.lookUp(QUERY, NUMBER, "UPS", STAFF).json().get("data").get("tracking_status").asText())
                .isEqualTo("Created");
        assertThat(client.post(SHIPMENTS + "/" + NUMBER + "/events?carrier=UPS",
                event("u1", "2026-11-21T09:00:00Z", "carrier_status", "departed"), STAFF).status()).isEqualTo(201);
        assertThat(client.lookUp(PATH, NUMBER, "UPS", PUBLIC).json().get("status").asText()).isEqualTo("in_transit");
        assertThat(client.lookUp(QUERY, NUMBER, "UPS", STAFF).json().get("data").get("tracking_status").asText())
                .isEqualTo("In Transit");

        assertThat(client.lookUp(PATH, "LT12345678", null, PUBLIC).status()).as("cached as missing").isEqualTo(404);
        register(shipment("LT12345678", "DHL", "TW", "created"));
        assertThat(client.lookUp(PATH, "LT12345678", null, PUBLIC).status()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void listsWithFiltersAcrossPagesNewestFirst() {
        ListScenario scenario = ListScenario.register(this::register);
        assertThat(client.get(SHIPMENTS, PUBLIC).status()).isEqualTo(401);
        assertThat(client.get(SHIPMENTS, WRONG_KEY).status()).isEqualTo(403);

        List<String> listed = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        do {
            Response page = client.get(scenario.filters() + (cursor == null ? "" : "&cursor=" + cursor), STAFF);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("shipments").size()).isBetween(1, 5);
            for (JsonNode summary : page.json().get("shipments")) {
                assertThat(summary.get("carrier").asText()).isEqualTo("FEDEX");
                assertThat(summary.get("status").asText()).isEqualTo("in_transit");
                assertThat(summary.get("origin_country").asText()).isEqualTo("TW");
                listed.add(summary.get("tracking_number").asText());
            }
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(cursor).isNull();
        assertThat(listed).doesNotHaveDuplicates().containsExactlyElementsOf(scenario.expectedNewestFirst());
        assertThat(pages).isEqualTo((listed.size() + 4) / 5).isGreaterThanOrEqualTo(2);

        List<String> everything = new ArrayList<>();
        client.get(SHIPMENTS + "?limit=100", STAFF).json().get("shipments").forEach(summary ->
                everything.add(summary.get("tracking_number").asText() + " " + summary.get("carrier").asText()));
        assertThat(everything).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(registered);
        Response badCursor = client.get(SHIPMENTS + "?cursor=not-a-cursor", STAFF);
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("errors").get(0).get("parameter").asText()).isEqualTo("cursor");

        assertThat(client.get("/shipment/", PUBLIC).status()).isEqualTo(401);
        Response legacy = client.get("/shipment/?limit=2", STAFF);
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.json().isArray()).isTrue();
        assertThat(legacy.json()).hasSize(2);
        assertThat(legacy.header("Link")).hasValueSatisfying(link ->
                assertThat(link).matches("</shipment/\\?limit=2&cursor=[A-Za-z0-9_-]+>; rel=\"next\""));
    }

    @Test
    @Order(9)
    void fakeCreatesShipmentsWithHistoriesThatLookupsThenFind() {
        assertThat(client.get("/fake?num=3", PUBLIC).status()).isEqualTo(401);
        assertThat(client.get("/fake?num=abc", STAFF).json().get("error").asText())
                .isEqualTo("num must be a whole number from 1 to 100; got 'abc'");

        Response fake = client.get("/fake?num=3", STAFF);

        assertThat(fake.status()).as(fake.toString()).isEqualTo(200);
        JsonNode created = fake.json().get("data");
        assertThat(created).hasSize(3);
        for (JsonNode shipment : created) {
            assertThat(shipment.get("details").size()).isGreaterThanOrEqualTo(3);
            Response query = client.lookUp(QUERY, shipment.get("sno").asText(), null, STAFF);
            assertThat(query.status()).as(query.toString()).isEqualTo(200);
            assertThat(query.json().get("data")).isEqualTo(shipment);
        }
    }

    private Response register(String body) {
        Response response = client.post(SHIPMENTS, body, STAFF);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(registered.add(json.get("tracking_number").asText() + " " + json.get("carrier").asText())).isTrue();
        return response;
    }

    private Response recorded(String events, int status) {
        Response response = client.post(EVENTS, events, STAFF);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private JsonNode staffView() {
        Response response = client.lookUp(PATH, NUMBER, "DHL", STAFF);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode withoutDuplicateFlag(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove("duplicate");
        return copy;
    }

    /**
     * Without the date, the rate limit's count of requests left, which each request lowers, and the request's own id.
     */
    private static Map<String, String> withoutPerRequestFields(Response response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers());
        headers.remove("Date");
        headers.remove("RateLimit");
        headers.remove("X-Request-Id");
        return headers;
    }
}
