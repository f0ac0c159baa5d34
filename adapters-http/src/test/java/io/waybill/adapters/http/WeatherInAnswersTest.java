package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.in.FindWeatherUseCase.Answer;
import io.waybill.application.port.in.ListShipmentsUseCase;
import io.waybill.domain.Address;
import io.waybill.domain.ShipmentSummary;
import io.waybill.domain.weather.Weather;
import io.waybill.domain.weather.WeatherCode;
import io.waybill.domain.weather.WeatherPlace;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The weather at the receiver in every shipment answer that issue 13 names, and its reason when there is none. */
class WeatherInAnswersTest {

    private static final Instant OBSERVED = Instant.parse("2026-12-06T07:45:00Z");
    private static final Instant FETCHED = Instant.parse("2026-12-06T08:00:01.5Z");
    private static final List<List<Address>> ASKED = new CopyOnWriteArrayList<>();
    private static TestServer server;

    // A thunderstorm at every receiver with a place; the reason a service gives for one without.
    private static final FindWeatherUseCase STORMY = receivers -> {
        ASKED.add(receivers);
        return receivers.stream().map(address -> WeatherPlace.of(address)
                .map(place -> Answer.of(new Weather(place, Optional.of("Taipei"), 21.5, WeatherCode.of(95), 40.0,
                        OBSERVED, FETCHED)))
                .orElseGet(() -> Answer.unavailable("no receiver address"))).toList();
    };

    @BeforeAll
    static void startServer() {
        List<ShipmentSummary> summaries = TestShipments.ALL.stream().map(ShipmentSummary::of).toList();
        ListShipmentsUseCase listing = query -> new ListShipmentsUseCase.Page(summaries, Optional.empty());
        server = TestServer.start(TestUseCases.builder()
                .findShipment(TestUseCases.finding(TestShipments.ALL))
                .listShipments(listing)
                .findWeather(STORMY)
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void forget() {
        ASKED.clear();
    }

    @Test
    void aLookupCarriesTheWeatherAtTheReceiverForThePublicAndForStaff() {
        JsonNode publicView = json(server.get("/api/v1/shipments/TN12345678").body());
        JsonNode staffView = json(server.get("/api/v1/shipments/TN12345678", STAFF).body());

        for (JsonNode view : List.of(publicView, staffView)) {
            assertThat(view.get("tracking_number").asText()).isEqualTo("TN12345678");
            assertThat(view.get("weather").toString()).isEqualTo("{\"temperature_c\":21.5,\"condition\":"
                    + "\"thunderstorm\",\"code\":95,\"wind_kmh\":40.0,\"delivery_risk\":true,"
                    + "\"observed_at\":\"2026-12-06T07:45:00Z\",\"fetched_at\":\"2026-12-06T08:00:01.500Z\","
                    + "\"place\":{\"zip\":\"110\",\"city\":\"台北市\",\"country\":\"TW\"}}");
            assertThat(view.get("weather_unavailable").isNull()).isTrue();
        }
        assertThat(staffView.get("receiver").get("id").asText()).isEqualTo("R-0007"); // the view is intact
        assertThat(ASKED).containsOnly(List.of(TestShipments.PUBLIC.receiverAddress()));
    }

    @Test
    void theLegacyPostCarriesItAndTheLegacyQueryKeepsItsEnvelope() {
        JsonNode post = json(server.post("/shipment/", "{\"tracking_number\": \"TN12345678\"}").body());
        JsonNode query = json(server.get("/query?sno=TN12345678").body());

        assertThat(post.get("weather").get("code").asInt()).isEqualTo(95);
        assertThat(query.has("weather")).isFalse();
        assertThat(query.get("data").has("weather")).isFalse();
    }

    @Test
    void listsCarryItForEveryShipmentAskingForThePageAtOnce() {
        JsonNode list = json(server.get("/api/v1/shipments", STAFF).body());
        JsonNode legacy = json(server.get("/shipment/", STAFF).body());

        assertThat(list.get("shipments")).hasSize(4);
        for (JsonNode shipment : list.get("shipments")) {
            assertThat(shipment.get("weather").get("place").get("zip").asText()).isEqualTo("110");
        }
        assertThat(legacy).hasSize(4);
        assertThat(legacy.get(0).get("weather").get("delivery_risk").asBoolean()).isTrue();
        assertThat(ASKED).hasSize(2).allSatisfy(asked -> assertThat(asked).hasSize(4));
    }

    @Test
    void withoutWeatherTheFieldIsNullAndTheReasonIsGiven() {
        TestServer off = TestServer.start(TestUseCases.builder()
                .findShipment(TestUseCases.finding(TestShipments.ALL))
                .findWeather(TestUseCases.TURNED_OFF)
                .build());
        try {
            String body = text(off.get("/api/v1/shipments/TN12345678").body());

            assertThat(body).endsWith(",\"weather\":null,\"weather_unavailable\":\"weather is turned off\"}");
            assertThat(json(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("status").asText())
                    .isEqualTo("in_transit");
        } finally {
            off.close();
        }
    }
}
