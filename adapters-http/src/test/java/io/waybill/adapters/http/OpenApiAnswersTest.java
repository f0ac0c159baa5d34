package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.SAMPLE_QUERY;
import static io.waybill.adapters.http.TestServer.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.openapi.DescribedAnswers;
import io.waybill.application.port.in.FakeShipmentsUseCase;
import io.waybill.application.port.in.FindWeatherUseCase;
import io.waybill.application.port.in.FindWeatherUseCase.Answer;
import io.waybill.application.port.in.ListShipmentsUseCase.Cursor;
import io.waybill.application.port.in.ListShipmentsUseCase.Page;
import io.waybill.application.port.in.PublishReportUseCase;
import io.waybill.application.port.in.ReadReportsUseCase;
import io.waybill.application.port.out.ReportRepository.StoredReport;
import io.waybill.application.service.FakeShipmentsService;
import io.waybill.domain.Carrier;
import io.waybill.domain.Shipment;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.ShipmentSummary;
import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.report.StatusReport;
import io.waybill.domain.report.TransitTimes;
import io.waybill.domain.weather.Weather;
import io.waybill.domain.weather.WeatherCode;
import io.waybill.domain.weather.WeatherPlace;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real answers of every route, successes and failures, are what openapi.json says they are: each body valid against
 * the schema described for its route, status and content type ({@link DescribedAnswers}).
 */
class OpenApiAnswersTest {

    private static final Instant MORNING = Instant.parse("2026-12-06T08:00:00Z");
    private static final String[] PUBLIC = {};
    private static final DescribedAnswers DESCRIBED = DescribedAnswers.load();
    private static TestServer server;

    // Weather at every receiver with a place, so that the weather's schema is checked too.
    private static final FindWeatherUseCase SUNNY = receivers -> receivers.stream().map(address -> WeatherPlace
            .of(address)
            .map(place -> Answer.of(new Weather(place, Optional.of("Taipei"), 21.5, WeatherCode.of(0), 12.0,
                    MORNING, MORNING.plusMillis(1500))))
            .orElseGet(() -> Answer.unavailable("no receiver address"))).toList();

    @BeforeAll
    static void startServer() {
        List<ShipmentSummary> summaries = TestShipments.ALL.stream().map(ShipmentSummary::of).toList();
        StatusReport report = new StatusReport(MORNING, new ReportPeriod(MORNING.minus(Duration.ofHours(8)), MORNING),
                Map.of(ShipmentStatus.IN_TRANSIT, 12L, ShipmentStatus.DELIVERED, 30L),
                Map.of(Carrier.parse("DHL"), Map.of(ShipmentStatus.DELIVERED, 30L)), 30, 1, 2, 3,
                List.of(new TransitTimes(Optional.of(TestShipments.TAIWAN), Optional.empty(), 30,
                        Duration.ofMinutes(3015), Duration.ofHours(70))));
        byte[] document = HttpApi.reportFormat().render(report);
        StoredReport archived = new StoredReport(MORNING, report.period().from(), document, MORNING, 1,
                Optional.of(MORNING.plusSeconds(1)), Optional.of("s3://reports/report@" + MORNING + ".json"), 0,
                Optional.empty(), Optional.empty());
        StoredReport waiting = new StoredReport(MORNING.minus(Duration.ofHours(8)), MORNING.minus(Duration.ofHours(16)),
                document, MORNING, 2, Optional.empty(), Optional.empty(), 3, Optional.of("the bucket is away"),
                Optional.of(MORNING.plusSeconds(300)));
        server = TestServer.start(TestUseCases.builder()
                .issueTrackingNumber(TestUseCases.issuing(new AtomicInteger()))
                .issueTrackingNumberOnce(TestUseCases.issuingOnce(new AtomicInteger()))
                .findShipment(TestUseCases.finding(TestShipments.ALL))
                .findWeather(SUNNY)
                .listShipments(query -> new Page(summaries.subList(0, 2), Optional.of(Cursor.after(summaries.get(1)))))
                .registerShipment(command -> TestShipments.PUBLIC)
                .recordTrackingEvents(command -> TestShipments.PUBLIC.record(
                        command.events().stream().map(TestUseCases::event).toList()))
                .importShipments(ImportShipmentsTest.READING)
                .fakeShipments(new FakeShipmentsUseCase() {
                    @Override
                    public Stream<Shipment> generate(Generation generation) {
                        return FakeShipmentsService.generated(generation);
                    }

                    @Override
                    public Created create(Generation generation, Consumer<Shipment> created) {
                        generate(generation).forEach(created);
                        return new Created(generation.count(), 0);
                    }
                })
                .makeReport(period -> report)
                .publishReport(new PublishReportUseCase() {
                    @Override
                    public Published publish(Instant slot) {
                        throw new AssertionError("not over HTTP");
                    }

                    @Override
                    public Published publishNow() {
                        return new Published(waiting, Optional.of("the bucket is away"));
                    }

                    @Override
                    public byte[] reportOfNow() {
                        throw new AssertionError("not over HTTP");
                    }

                    @Override
                    public void archiveWaiting() {
                        throw new AssertionError("not over HTTP");
                    }
                })
                .readReports(new ReadReportsUseCase() {
                    @Override
                    public Optional<StoredReport> find(Instant slot) {
                        return Stream.of(archived, waiting).filter(stored -> stored.slot().equals(slot)).findFirst();
                    }

                    @Override
                    public Page list(Optional<Instant> before, int limit) {
                        return new Page(List.of(archived, waiting), Optional.of(waiting.slot()));
                    }
                })
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void probes() {
        check("GET", "/health", server.get("/health"), 200);
        check("GET", "/ready", server.get("/ready"), 200);
    }

    @Test
    void trackingNumbers() {
        check("GET", "/next-tracking-number", server.get("/next-tracking-number?" + SAMPLE_QUERY), 200);
        check("GET", "/next-tracking-number", server.get("/next-tracking-number?" + SAMPLE_QUERY, "Idempotency-Key",
                "order-1"), 200);
        check("GET", "/next-tracking-number", server.get("/next-tracking-number?weight=heavy"), 400);
        check("GET", "/next-tracking-number", server.get("/next-tracking-number?" + SAMPLE_QUERY, "X-API-Key", "nope"),
                403);
    }

    @Test
    void lookups() {
        String path = "/api/v1/shipments/{tracking_number}";
        check("GET", path, server.get("/api/v1/shipments/TN12345678"), 200);
        check("GET", path, server.get("/api/v1/shipments/TN12345678", STAFF), 200);
        check("GET", path, server.get("/api/v1/shipments/TN87654321"), 404);
        check("GET", path, server.get("/api/v1/shipments/TN55555555"), 409);
        check("GET", path, server.get("/api/v1/shipments/tn-?"), 400);
        check("POST", "/shipment", server.post("/shipment", "{\"tracking_number\": \"TN12345678\"}"), 200);
        check("POST", "/shipment", server.post("/shipment", "{\"tracking_number\": \"TN12345678\", \"carrier\": \"DHL\"}",
                STAFF), 200);
        check("POST", "/shipment", server.post("/shipment", "{}"), 400);
        check("GET", "/query", server.get("/query?sno=TN12345678"), 200);
        check("GET", "/query", server.get("/query?sno=TN12345678", STAFF), 200);
        check("GET", "/query", server.get("/query"), 400);
        check("GET", "/query", server.get("/query?sno=TN00000000"), 404);
    }

    @Test
    void listsAndWrites() {
        check("GET", "/api/v1/shipments", server.get("/api/v1/shipments?limit=2", STAFF), 200);
        check("GET", "/api/v1/shipments", server.get("/api/v1/shipments?status=lost", STAFF), 400);
        check("GET", "/api/v1/shipments", server.get("/api/v1/shipments", PUBLIC), 401);
        check("GET", "/shipment", server.get("/shipment", STAFF), 200);
        check("POST", "/api/v1/shipments", server.post("/api/v1/shipments",
                TestJson.resource("register-shipment.json"), STAFF), 201);
        check("POST", "/api/v1/shipments", server.post("/api/v1/shipments", "{\"weight_kg\": -1, \"colour\": 1}",
                STAFF), 400);
        check("POST", "/api/v1/shipments/{tracking_number}/events", server.post(
                "/api/v1/shipments/TN12345678/events", "{\"event_id\": \"ev-x\", \"time\": \"2026-11-21T10:00:00+08:00\","
                        + " \"status\": \"in_transit\", \"location\": {\"id\": \"9\", \"title\": \"Hub\"}}", STAFF), 201);
        check("POST", "/api/v1/imports", server.post("/api/v1/imports",
                TestJson.resource("sample-data/seed_data.csv").getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/csv", STAFF[0], STAFF[1]), 200);
        check("POST", "/api/v1/imports", server.post("/api/v1/imports", "a,b".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain", STAFF[0], STAFF[1]), 415);
        check("GET", "/fake", server.get("/fake?num=3", STAFF), 200);
        check("GET", "/fake", server.get("/fake?num=none", STAFF), 400);
    }

    @Test
    void reports() {
        check("GET", "/trackingSummary", server.get("/trackingSummary", STAFF), 200);
        check("GET", "/api/v1/reports", server.get("/api/v1/reports", STAFF), 200);
        check("POST", "/api/v1/reports", server.post("/api/v1/reports", "", STAFF), 201);
        check("GET", "/api/v1/reports/{id}", server.get("/api/v1/reports/" + MORNING, STAFF), 200);
        check("GET", "/api/v1/reports/{id}", server.get("/api/v1/reports/yesterday", STAFF), 400);
        check("GET", "/api/v1/reports/{id}", server.get("/api/v1/reports/2020-01-01T00:00:00Z", STAFF), 404);
    }

    @Test
    void webhooks() {
        HttpResponse<byte[]> made = server.post("/api/v1/webhooks",
                "{\"url\": \"https://shop.example/hooks\", \"events\": [\"shipment.delivered\"]}", STAFF);
        check("POST", "/api/v1/webhooks", made, 201);
        String path = "/api/v1/webhooks/" + TestServer.json(made.body()).get("id").textValue();
        check("POST", "/api/v1/webhooks", server.post("/api/v1/webhooks", "{\"events\": []}", STAFF), 400);
        check("GET", "/api/v1/webhooks", server.get("/api/v1/webhooks", STAFF), 200);
        check("GET", "/api/v1/webhooks/{id}", server.get(path, STAFF), 200);
        check("GET", "/api/v1/webhooks/{id}", server.get("/api/v1/webhooks/whk_none", STAFF), 404);
        check("GET", "/api/v1/webhooks/{id}/deliveries", server.get(path + "/deliveries", STAFF), 200);
        check("GET", "/api/v1/webhooks/{id}/deliveries", server.get(path + "/deliveries?limit=1", STAFF), 200);
        check("GET", "/api/v1/webhooks/{id}/deliveries", server.get(path + "/deliveries?cursor=x", STAFF), 400);
        check("POST", "/api/v1/webhooks/{id}/deliveries/{message_id}/replay",
                server.post(path + "/deliveries/msg_1/replay", "", STAFF), 202);
        check("POST", "/api/v1/webhooks/{id}/enable", server.post(path + "/enable", "", STAFF), 200);
        String disabled = "/api/v1/webhooks/" + TestServer.json(server.post("/api/v1/webhooks",
                "{\"url\": \"https://disabled.example/\", \"events\": [\"shipment.delivered\"]}", STAFF).body())
                .get("id").textValue();
        check("POST", "/api/v1/webhooks/{id}/deliveries/{message_id}/replay",
                server.post(disabled + "/deliveries/msg_1/replay", "", STAFF), 409);
        check("POST", "/api/v1/webhooks", server.post("/api/v1/webhooks",
                "{\"url\": \"https://refused.example/\", \"events\": [\"shipment.delivered\"]}", STAFF), 400);
        check("DELETE", "/api/v1/webhooks/{id}", server.send("DELETE", path, STAFF), 204);
        check("DELETE", "/api/v1/webhooks/{id}", server.send("DELETE", path, STAFF), 404);
    }

    @Test
    void theDescriptionAndItsViewer() {
        check("GET", "/openapi.json", server.get("/openapi.json"), 200);
        check("GET", "/docs", server.get("/docs"), 200);
        check("GET", "/docs/{file}", server.get("/docs/swagger-ui-bundle.js"), 200);
        check("GET", "/docs/{file}", server.get("/docs/no-such-file.js"), 404);
    }

    @Test
    void theTrackingPage() {
        check("GET", "/", server.get("/"), 303);
        check("GET", "/track", server.get("/track"), 200);
        check("GET", "/track", server.get("/track?number=TN12345678"), 303);
        check("GET", "/track", server.get("/track?number=TN-1"), 400);
        check("GET", "/track/{tracking_number}", server.get("/track/TN12345678"), 200);
        check("GET", "/track/{tracking_number}", server.get("/track/TN55555555"), 300);
        check("GET", "/track/{tracking_number}", server.get("/track/TN-1"), 400);
        check("GET", "/track/{tracking_number}", server.get("/track/TN00000000"), 404);
        String page = TestServer.text(server.get("/track").body());
        for (String asset : java.util.regex.Pattern.compile("/assets/[a-z0-9.]+").matcher(page).results()
                .map(java.util.regex.MatchResult::group).toList()) {
            check("GET", "/assets/{file}", server.get(asset), 200);
        }
        check("GET", "/assets/{file}", server.get("/assets/none.css"), 404);
    }

    private static void check(String method, String route, HttpResponse<byte[]> response, int status) {
        assertThat(response.statusCode()).as(method + " " + route + ": " + TestServer.text(response.body()))
                .isEqualTo(status);
        DESCRIBED.check(method, route, response);
    }
}
