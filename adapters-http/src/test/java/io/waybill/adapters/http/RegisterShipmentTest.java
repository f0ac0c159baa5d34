package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestJson.invalidParameters;
import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.InvalidCommandException;
import io.waybill.application.port.in.RegisterShipmentUseCase.Command;
import io.waybill.application.port.out.ShipmentRepository.ShipmentExistsException;
import io.waybill.domain.Location;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentKey;
import io.waybill.domain.ShipmentStatus;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/shipments}. */
class RegisterShipmentTest {

    private static final String PATH = "/api/v1/shipments";
    private static final String FULL = TestJson.resource("register-shipment.json");

    private static final AtomicReference<Command> LAST = new AtomicReference<>();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder().registerShipment(command -> {
            LAST.set(command);
            switch (command.number().map(Object::toString).orElse("none")) {
                case "none" -> throw new InvalidCommandException("An origin country is required to issue a number");
                case "TN99999999" -> throw new ShipmentExistsException(
                        new ShipmentKey(command.number().get(), command.carrier().orElseThrow()));
                default -> {
                    return Shipment.register(new ShipmentKey(command.number().get(), command.carrier().orElseThrow()),
                            command.details(), command.events().stream().map(TestUseCases::event).toList(),
                            TestShipments.CREATED_AT);
                }
            }
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
    void registersAShipmentAndAnswersStaffsViewWithItsLocation() {
        HttpResponse<byte[]> response = server.post(PATH, FULL, STAFF);

        assertThat(response.statusCode()).as(text(response.body())).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/shipments/TN24681357?carrier=DHL");
        assertThat(text(response.body())).contains("\"name\":\"賴小賴\"").doesNotContain("\\u");
        JsonNode body = json(response.body());
        assertThat(body.get("status").asText()).isEqualTo("received");
        assertThat(body.get("public_tracking").asBoolean()).isFalse();
        assertThat(body.get("events").get(1).get("carrier_status").asText()).isEqualTo("inbound-scan");
        Command command = LAST.get();
        assertThat(command.details().weight().orElseThrow().kilograms()).isEqualByComparingTo("1.5");
        assertThat(command.details().articles().get(0).price()).hasValue(new BigDecimal("450.75"));
        assertThat(command.details().articles().get(1).price()).hasValue(new BigDecimal("99"));
        assertThat(command.details().receiver().orElseThrow().address().street()).hasValue("市府路1號");
        assertThat(command.events().get(0).location().orElseThrow()).isInstanceOf(Location.Centre.class);
        assertThat(command.events().get(1).location().orElseThrow()).isInstanceOf(Location.Place.class);
        assertThat(command.events().get(1).status()).isEmpty();
        assertThat(command.events().get(0).status()).hasValue(ShipmentStatus.CREATED);
    }

    @Test
    void reportsEveryInvalidFieldAtOnceByItsPath() {
        String body = """
                {"tracking_number": "x!", "carrier": "", "origin_country": "XX", "weight_kg": -1,
                 "customer": {"id": "nope"}, "ordered_at": "yesterday",
                 "receiver": {"address": {"country": "tw", "floor": 3}, "phone": "call me"},
                 "articles": [{"name": "a", "quantity": 1}, {"name": "b", "quantity": 1.5},
                              {"name": " ", "quantity": 0, "price": "-1"}],
                 "public_tracking": "yes", "events": [{"time": "2026-11-20 09:00:00"}, 7], "colour": "red"}
                """;

        HttpResponse<byte[]> response = server.post(PATH, body, STAFF);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(invalidParameters(problem)).containsExactlyInAnyOrder("tracking_number", "carrier",
                "origin_country", "weight_kg", "customer.id", "customer.name", "customer.slug", "ordered_at",
                "receiver.name", "receiver.address.country", "receiver.address.floor", "receiver.phone",
                "articles[1].quantity", "articles[2].name", "articles[2].quantity", "articles[2].price",
                "public_tracking", "events[0].time", "events[0].status", "events[1]", "colour");
        assertThat(problem.get("detail").asText()).isEqualTo("21 fields are invalid");
        assertThat(problem.toString()).contains("{\"parameter\":\"colour\",\"message\":\"is not a known field\"}");
        assertThat(LAST.get()).isNull();
    }

    @Test
    void answersABodyThatIsNoJsonWithAProblemAndTakesJsonWithACharset() {
        HttpResponse<byte[]> malformed = server.post(PATH, "{\"carrier\": ", STAFF);
        HttpResponse<byte[]> form = server.post(PATH, "carrier=DHL", "Content-Type",
                "application/x-www-form-urlencoded", STAFF[0], STAFF[1]);
        HttpResponse<byte[]> withCharset = server.post(PATH, "{\"tracking_number\": \"TN13572468\", \"carrier\":"
                + " \"UPS\"}", "Content-Type", "application/json; charset=UTF-8", STAFF[0], STAFF[1]);

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(malformed.body()).get("detail").asText()).startsWith("The body is not valid JSON (line 1");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(withCharset.statusCode()).isEqualTo(201);
    }

    @Test
    void mapsTheUseCasesRefusals() {
        HttpResponse<byte[]> invalid = server.post(PATH, "{}", STAFF);
        HttpResponse<byte[]> exists = server.post(PATH, "{\"tracking_number\": \"TN99999999\", \"carrier\": \"DHL\"}",
                STAFF);
        HttpResponse<byte[]> unknownStatus = server.post(PATH, "{\"tracking_number\": \"TN11112222\", \"carrier\":"
                + " \"DHL\", \"events\": [{\"time\": \"2026-11-20T09:00:00Z\", \"carrier_status\": \"beamed up\"}]}",
                STAFF);
        HttpResponse<byte[]> illegal = server.post(PATH, "{\"tracking_number\": \"TN11112222\", \"carrier\": \"DHL\","
                + " \"events\": [{\"time\": \"2026-11-20T09:00:00Z\", \"status\": \"delivered\"},"
                + " {\"time\": \"2026-11-21T09:00:00Z\", \"status\": \"in_transit\"}]}", STAFF);

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid.body()).get("detail").asText()).contains("origin country is required");
        assertThat(exists.statusCode()).isEqualTo(409);
        assertThat(json(exists.body()).get("detail").asText()).contains("exists already");
        assertThat(unknownStatus.statusCode()).isEqualTo(422);
        assertThat(json(unknownStatus.body()).get("title").asText()).isEqualTo("Unprocessable Content");
        assertThat(json(unknownStatus.body()).get("detail").asText()).startsWith("Unknown carrier status 'beamed up'");
        assertThat(illegal.statusCode()).isEqualTo(409);
        assertThat(json(illegal.body()).get("detail").asText()).contains("cannot move from delivered to in transit");
    }
}
