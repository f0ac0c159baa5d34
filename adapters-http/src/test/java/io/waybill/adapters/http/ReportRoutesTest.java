package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.STAFF;
import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.application.port.in.PublishReportUseCase;
import io.waybill.application.port.in.ReadReportsUseCase;
import io.waybill.application.port.out.ReportRepository.StoredReport;
import io.waybill.domain.Carrier;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.report.StatusReport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reports' routes, for staff: the seed's summary of now, and the reports made, listed, read and made now. */
class ReportRoutesTest {

    private static final AtomicReference<ReportPeriod> ASKED = new AtomicReference<>();
    private static final List<StoredReport> KEPT = new CopyOnWriteArrayList<>();
    private static final AtomicReference<Optional<String>> ARCHIVE_ERROR = new AtomicReference<>(Optional.empty());
    private static final Instant MORNING = Instant.parse("2026-12-06T08:00:00Z");
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder().makeReport(period -> {
            ASKED.set(period);
            return new StatusReport(MORNING, period,
                    Map.of(ShipmentStatus.IN_TRANSIT, 12L, ShipmentStatus.DELIVERED, 30L),
                    Map.of(Carrier.parse("DHL"), Map.of(ShipmentStatus.DELIVERED, 30L)), 4, 1, 2, 3, List.of());
        }).publishReport(new Publisher()).readReports(new Reader()).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void forgetReports() {
        KEPT.clear();
        ARCHIVE_ERROR.set(Optional.empty());
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
        assertThat(period.to().getNano()).as("whole seconds, as the seed's created_at").isZero();
        assertThat(Duration.between(before.truncatedTo(ChronoUnit.SECONDS), period.to()))
                .isBetween(Duration.ZERO, Duration.ofSeconds(10));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    }

    @Test
    void theReportOfNowIsMadeAndAnsweredAsStoredWithWhereItIs() {
        HttpResponse<byte[]> response = server.post(ReportHandlers.PATH, "", STAFF);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(text(response.body())).isEqualTo("{\"created_at\":\"2026-12-06T08:00:00Z\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/reports/2026-12-06T08:00:00Z");
        assertThat(response.headers().firstValue("Archive-Location"))
                .hasValue("s3://reports/daily/report@2026-12-06T08:00:00Z.json");
        assertThat(response.headers().firstValue("Archive-Error")).isEmpty();
    }

    @Test
    void aReportTheArchiveRefusedIsStillMadeAndSaysWhy() {
        ARCHIVE_ERROR.set(Optional.of("S3 refused the write: 503 SlowDown\nretry"));

        HttpResponse<byte[]> response = server.post(ReportHandlers.PATH, "", STAFF);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Archive-Location")).isEmpty();
        assertThat(response.headers().firstValue("Archive-Error")).hasValue("S3 refused the write: 503 SlowDown retry");
    }

    @Test
    void oneReportIsAnsweredAsStoredByItsTimeOrItsFileName() {
        keep(MORNING, true);

        for (String id : List.of("2026-12-06T08:00:00Z", "report@2026-12-06T08:00:00Z.json")) {
            HttpResponse<byte[]> response = server.get(ReportHandlers.PATH + "/" + id, STAFF);
            assertThat(response.statusCode()).as(id).isEqualTo(200);
            assertThat(text(response.body())).isEqualTo("{\"created_at\":\"2026-12-06T08:00:00Z\"}");
        }
        assertThat(server.get(ReportHandlers.PATH + "/2026-12-06T16:00:00Z", STAFF).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "report@tomorrow.json", "2026-12-06"})
    void aMalformedIdIsABadRequestThatSaysWhatAnIdIs(String id) {
        HttpResponse<byte[]> response = server.get(ReportHandlers.PATH + "/" + id, STAFF);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(text(response.body())).contains("report@2026-12-06T08:00:00Z.json");
    }

    @Test
    void listsReportsNewestFirstAPageAtATimeEachWithItsStateAndItself() {
        keep(MORNING.minus(Duration.ofHours(8)), true);
        keep(MORNING, false);
        keep(MORNING.plus(Duration.ofHours(8)), true);

        JsonNode first = json(server.get(ReportHandlers.PATH + "?limit=2", STAFF).body());
        assertThat(first.get("reports")).extracting(report -> report.get("id").asText())
                .containsExactly("2026-12-06T16:00:00Z", "2026-12-06T08:00:00Z");
        JsonNode waiting = first.get("reports").get(1);
        assertThat(waiting.get("name").asText()).isEqualTo("report@2026-12-06T08:00:00Z.json");
        assertThat(waiting.get("url").asText()).isEqualTo("/api/v1/reports/2026-12-06T08:00:00Z");
        assertThat(waiting.get("archived").asBoolean()).isFalse();
        assertThat(waiting.get("location").isNull()).isTrue();
        assertThat(waiting.get("failed_attempts").asInt()).isEqualTo(2);
        assertThat(waiting.get("last_error").asText()).isEqualTo("the bucket is away");
        assertThat(waiting.get("next_attempt_at").asText()).isEqualTo("2026-12-06T08:05:00Z");
        assertThat(waiting.get("report").get("created_at").asText()).isEqualTo("2026-12-06T08:00:00Z");
        JsonNode archived = first.get("reports").get(0);
        assertThat(archived.get("archived").asBoolean()).isTrue();
        assertThat(archived.get("location").asText()).isEqualTo("/srv/reports/report@2026-12-06T16:00:00Z.json");
        assertThat(archived.get("next_attempt_at").isNull()).isTrue();

        JsonNode last = json(server.get(ReportHandlers.PATH + "?limit=2&cursor="
                + first.get("next_cursor").asText(), STAFF).body());
        assertThat(last.get("reports")).extracting(report -> report.get("id").asText())
                .containsExactly("2026-12-06T00:00:00Z");
        assertThat(last.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void aBadLimitOrCursorIsNamed() {
        HttpResponse<byte[]> response = server.get(ReportHandlers.PATH + "?limit=101&cursor=noon", STAFF);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(text(response.body())).contains("limit").contains("cursor").contains("1 to 100");
    }

    @Test
    void everyRouteIsForStaffOnly() {
        assertThat(server.get("/trackingSummary").statusCode()).isEqualTo(401);
        assertThat(server.get(ReportHandlers.PATH).statusCode()).isEqualTo(401);
        assertThat(server.get(ReportHandlers.PATH + "/2026-12-06T08:00:00Z").statusCode()).isEqualTo(401);
        assertThat(server.post(ReportHandlers.PATH, "").statusCode()).isEqualTo(401);
    }

    private static StoredReport keep(Instant slot, boolean archived) {
        byte[] document = ("{\"created_at\":\"" + slot + "\"}").getBytes(StandardCharsets.UTF_8);
        StoredReport report = new StoredReport(slot, slot.minus(Duration.ofHours(8)), document, slot, 1,
                archived ? Optional.of(slot.plusSeconds(1)) : Optional.empty(),
                archived ? Optional.of("/srv/reports/report@" + slot + ".json") : Optional.empty(), archived ? 0 : 2,
                archived ? Optional.empty() : Optional.of("the bucket is away"),
                archived ? Optional.empty() : Optional.of(slot.plus(Duration.ofMinutes(5))));
        KEPT.add(report);
        return report;
    }

    private static final class Publisher implements PublishReportUseCase {

        @Override
        public Published publish(Instant slot) {
            throw new AssertionError("only the report of now is made over HTTP");
        }

        @Override
        public Published publishNow() {
            StoredReport kept = keep(MORNING, ARCHIVE_ERROR.get().isEmpty());
            StoredReport answered = ARCHIVE_ERROR.get().isEmpty() ? new StoredReport(kept.slot(), kept.periodFrom(),
                    kept.document(), kept.madeAt(), 1, kept.archivedAt(),
                    Optional.of("s3://reports/daily/" + kept.name()), 0, Optional.empty(), Optional.empty()) : kept;
            return new Published(answered, ARCHIVE_ERROR.get());
        }

        @Override
        public byte[] reportOfNow() {
            throw new AssertionError("not over HTTP");
        }

        @Override
        public void archiveWaiting() {
            throw new AssertionError("not over HTTP");
        }
    }

    private static final class Reader implements ReadReportsUseCase {

        @Override
        public Optional<StoredReport> find(Instant slot) {
            return KEPT.stream().filter(report -> report.slot().equals(slot)).findFirst();
        }

        @Override
        public Page list(Optional<Instant> before, int limit) {
            List<StoredReport> newestFirst = new ArrayList<>(KEPT);
            newestFirst.sort(Comparator.comparing(StoredReport::slot).reversed());
            List<StoredReport> after = newestFirst.stream()
                    .filter(report -> before.map(report.slot()::isBefore).orElse(true)).toList();
            List<StoredReport> page = after.stream().limit(limit).toList();
            return new Page(page, after.size() > limit ? Optional.of(page.get(limit - 1).slot()) : Optional.empty());
        }
    }
}
