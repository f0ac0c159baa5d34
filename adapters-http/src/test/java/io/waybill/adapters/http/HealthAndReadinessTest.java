package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.CheckReadinessUseCase.Readiness;
import io.waybill.application.port.out.ComponentProbe.State;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthAndReadinessTest {

    private static final AtomicReference<Readiness> READINESS = new AtomicReference<>();
    private static final AtomicInteger CHECKS = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(
                order -> {
                    throw new AssertionError("not called");
                },
                () -> {
                    CHECKS.incrementAndGet();
                    return READINESS.get();
                });
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void healthAnswersUpWithoutCheckingAnyComponent() {
        int checksBefore = CHECKS.get();

        HttpResponse<byte[]> response = server.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"up\"}");
        assertThat(CHECKS).hasValue(checksBefore);
    }

    @Test
    void readyAnswers200WhenTheDatabaseIsUp() {
        READINESS.set(new Readiness(true, Map.of("database", State.UP)));

        HttpResponse<byte[]> response = server.get("/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response.body());
        assertThat(body.get("status").asText()).isEqualTo("ready");
        assertThat(body.get("components").get("database").asText()).isEqualTo("up");
    }

    @Test
    void whatIsWrongWithAComponentIsToldToStaffAlone() {
        Map<String, State> components = new LinkedHashMap<>();
        components.put("database", State.UP);
        components.put("report_archive", State.DEGRADED);
        READINESS.set(new Readiness(true, components, Map.of("report_archive", "1 report waits; last error: S3 at"
                + " http://10.0.0.5:9000 refused it")));

        HttpResponse<byte[]> anyone = server.get("/ready");
        HttpResponse<byte[]> wrongKey = server.get("/ready", "X-API-Key", "not-a-key-of-this-service");
        HttpResponse<byte[]> staff = server.get("/ready", TestServer.STAFF);

        assertThat(new String(anyone.body(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"status\":\"ready\",\"components\":{\"database\":\"up\",\"report_archive\":\"degraded\"}}");
        assertThat(wrongKey.statusCode()).as("a probe refuses nobody").isEqualTo(200);
        assertThat(wrongKey.body()).isEqualTo(anyone.body());
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(json(staff.body()).get("details").get("report_archive").asText())
                .isEqualTo("1 report waits; last error: S3 at http://10.0.0.5:9000 refused it");
        assertThat(staff.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    }

    @Test
    void readyAnswers503WhenTheDatabaseIsDown() {
        Map<String, State> components = new LinkedHashMap<>();
        components.put("database", State.DOWN);
        components.put("cache", State.DEGRADED);
        READINESS.set(new Readiness(false, components));

        HttpResponse<byte[]> response = server.get("/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"not ready\",\"components\":{\"database\":\"down\",\"cache\":\"degraded\"}}");
    }

    @Test
    void readyAnswers503ShuttingDownWhileTheComponentsAreUp() {
        READINESS.set(new Readiness(false, Map.of("database", State.UP), Map.of(), true));

        HttpResponse<byte[]> response = server.get("/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"shutting down\",\"components\":{\"database\":\"up\"}}");
    }
}
