package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.WRONG_KEY;
import static io.waybill.adapters.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.FakeShipmentsUseCase;
import io.waybill.application.service.FakeShipmentsService;
import io.waybill.domain.Shipment;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The logistics system's {@code GET /fake?num=N}: its default, its cap, its errors, in its envelope. */
class FakeShipmentsRouteTest {

    private static final List<FakeShipmentsUseCase.Generation> ASKED = new CopyOnWriteArrayList<>();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        // Creates what it generates, as the service does once the batch is stored.
        FakeShipmentsUseCase fake = new FakeShipmentsUseCase() {
            @Override
            public Stream<Shipment> generate(Generation generation) {
                return FakeShipmentsService.generated(generation);
            }

            @Override
            public Created create(Generation generation, Consumer<Shipment> created) {
                ASKED.add(generation);
                generate(generation).forEach(created);
                return new Created(generation.count(), 0);
            }
        };
        server = TestServer.start(TestUseCases.builder().fakeShipments(fake).build());
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
    void createsTenByDefaultAndAnswersThemAsQueryShowsThemToStaff() {
        HttpResponse<byte[]> response = server.get("/fake", STAFF);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.get("status").asText()).isEqualTo("success");
        assertThat(body.get("error").isNull()).isTrue();
        assertThat(body.get("data")).hasSize(10).allSatisfy(shipment -> {
            assertThat(shipment.get("sno").asText()).hasSize(13);
            assertThat(shipment.get("tracking_status").asText()).isNotBlank();
            assertThat(shipment.get("details").size()).isGreaterThanOrEqualTo(3);
            assertThat(shipment.get("details").get(0).get("status").asText()).isEqualTo("Created");
            assertThat(shipment.get("recipient").get("name").asText()).doesNotContain("*");
            assertThat(shipment.get("current_location").get("title").asText()).isNotBlank();
        });
        assertThat(ASKED).singleElement().satisfies(generation -> {
            assertThat(generation.count()).isEqualTo(10);
            assertThat(generation.seed()).isEmpty();
            assertThat(Duration.between(generation.until(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        });
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "37, 37", "100, 100", "101, 100", "100000000000000000000, 100", "'%2B5', 5"})
    void createsAsManyAsAskedUpToAHundred(String num, int created) {
        HttpResponse<byte[]> response = server.get("/fake?num=" + num, STAFF);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("data")).hasSize(created);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "num=abc   | num must be a whole number from 1 to 100; got 'abc'",
        "num=2.5   | num must be a whole number from 1 to 100; got '2.5'",
        "num=      | num must be a whole number from 1 to 100; got ''",
        "num=0     | num must be at least 1; got 0",
        "num=-3    | num must be at least 1; got -3",
        "num=1&num=2 | num is given more than once"})
    void aNumThatIsNoWholeNumberOrBelowOneIsA400InTheEnvelope(String query, String error) {
        HttpResponse<byte[]> response = server.get("/fake?" + query, STAFF);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response.body());
        assertThat(body.get("status").asText()).isEqualTo("error");
        assertThat(body.get("data").isNull()).isTrue();
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(ASKED).isEmpty();
    }

    @Test
    void itWritesSoItNeedsAKey() {
        assertThat(server.get("/fake?num=1").statusCode()).isEqualTo(401);
        assertThat(server.get("/fake?num=1", WRONG_KEY).statusCode()).isEqualTo(403);
        assertThat(json(server.get("/fake?num=1").body()).get("status").asText()).isEqualTo("error");
        assertThat(ASKED).isEmpty();
    }
}
