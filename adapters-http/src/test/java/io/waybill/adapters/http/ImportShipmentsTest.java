package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.KEY;
import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.http.TestServer.RawResponse;
import io.waybill.adapters.persistence.Persistence;
import io.waybill.application.port.in.ImportShipmentsUseCase.Line;
import io.waybill.application.port.in.ImportShipmentsUseCase.Mode;
import io.waybill.application.port.in.ImportShipmentsUseCase.Rejection;
import io.waybill.application.port.in.ImportShipmentsUseCase.Report;
import io.waybill.application.port.in.ImportShipmentsUseCase.Row;
import io.waybill.application.port.in.ImportShipmentsUseCase.Unreadable;
import io.waybill.application.port.in.ImportShipmentsUseCase;
import io.waybill.application.port.out.StorageUnavailableException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/v1/imports}, with a use case that reads the lines as the service does and reports them. */
class ImportShipmentsTest {

    static final String PATH = "/api/v1/imports";
    static final String CSV = "text/csv";
    static final String HEADER = "tracking_number,carrier,sender_address,receiver_address,article_name,"
            + "article_quantity,article_price,SKU,status\n";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SAMPLE = TestJson.resource("sample-data/seed_data.csv");
    private static final String BAD_LINE_3 = HEADER + row("TN10000001") + "TN10000002,DHL,too,few\n"
            + row("TN10000003");

    /** What the use case was last called with: its mode and each reading of the lines. */
    record Call(Mode mode, List<List<Line>> readings) {}

    private static final AtomicReference<Call> LAST = new AtomicReference<>();
    private static final AtomicReference<CountDownLatch> LINE_READ = new AtomicReference<>(new CountDownLatch(0));
    private static TestServer server;
    private static TestServer smallBound;

    /**
     * Reads the lines once, with the reader of the format the service uses; rejects the lines that could not be read.
     * A first row numbered STORAGEDOWN fails as storage does when it is down.
     */
    static final ImportShipmentsUseCase READING = command -> {
        List<List<Line>> readings = new ArrayList<>();
        readings.add(read(command));
        List<Rejection> rejections = readings.get(0).stream().filter(Unreadable.class::isInstance)
                .map(line -> new Rejection(line.number(), ((Unreadable) line).reason())).toList();
        LAST.set(new Call(command.mode(), readings));
        if (readings.get(0).stream().anyMatch(line -> line instanceof Row row
                && row.trackingNumber().equals("STORAGEDOWN"))) {
            throw new StorageUnavailableException("connection refused", null);
        }
        long lines = readings.get(0).size();
        boolean written = command.mode() == Mode.IMPORT || command.mode() == Mode.STRICT && rejections.isEmpty();
        return new Report(lines, lines - rejections.size(), 0, 0, rejections.size(), rejections.size(), rejections,
                written);
    };

    @BeforeAll
    static void startServers() {
        HttpApi.UseCases useCases = TestUseCases.builder().importShipments(READING).build();
        server = TestServer.start(useCases);
        HttpSettings settings = TestServer.settings();
        smallBound = TestServer.start(new HttpSettings(settings.host(), 0, settings.apiKeys(), 1024), useCases);
    }

    @AfterAll
    static void stopServers() {
        server.close();
        smallBound.close();
    }

    @BeforeEach
    void forget() {
        LAST.set(null);
    }

    @Test
    void importsTheBodyAndAnswersTheReportInSnakeCase() {
        HttpResponse<byte[]> response = post(server, "", SAMPLE, CSV);

        assertThat(response.statusCode()).as(text(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Connection")).as("the body was read to its end").isEmpty();
        assertThat(text(response.body())).isEqualTo("{\"mode\":\"import\",\"written\":true,\"lines\":9,\"created\":9,"
                + "\"updated\":0,\"unchanged\":0,\"rejected_shipments\":0,\"rejected_lines\":0,\"rejections\":[]}");
        Call call = LAST.get();
        assertThat(call.mode()).isEqualTo(Mode.IMPORT);
        assertThat(call.readings()).singleElement().satisfies(lines -> {
            assertThat(lines).hasSize(9).allMatch(Row.class::isInstance);
            assertThat(((Row) lines.get(0)).senderAddress()).isEqualTo("Street 1, 10115 Berlin, Germany");
        });
    }

    @ParameterizedTest
    @CsvSource({"?mode=import, IMPORT, 1", "?mode=strict, STRICT, 1", "?mode=dry-run, DRY_RUN, 1",
            "?carrier=ignored, IMPORT, 1"})
    void readsTheModeFromTheQueryAndHandsTheBodyOverOnce(String query, Mode mode, int readings) {
        HttpResponse<byte[]> response = post(server, query, SAMPLE, CSV);

        assertThat(response.statusCode()).as(text(response.body())).isEqualTo(200);
        assertThat(json(response.body()).get("mode").asText()).isEqualTo(query.contains("mode=")
                ? query.substring(query.indexOf('=') + 1) : "import");
        assertThat(json(response.body()).get("written").asBoolean()).isEqualTo(mode != Mode.DRY_RUN);
        Call call = LAST.get();
        assertThat(call.mode()).isEqualTo(mode);
        assertThat(call.readings()).hasSize(readings).allSatisfy(lines ->
                assertThat(lines).isEqualTo(call.readings().get(0)).hasSize(9));
    }

    @Test
    void anImportWithBadLinesAnswers200AndListsThem() {
        HttpResponse<byte[]> response = post(server, "", BAD_LINE_3, CSV);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = json(response.body());
        assertThat(report.get("written").asBoolean()).isTrue();
        assertThat(report.get("created").asLong()).isEqualTo(2);
        assertThat(report.get("rejected_lines").asLong()).isEqualTo(1);
        assertThat(report.get("rejections")).singleElement().satisfies(rejection -> {
            assertThat(rejection.get("line").asLong()).isEqualTo(3);
            assertThat(rejection.get("reason").asText()).startsWith("has 4 fields where the header has 9");
        });
    }

    @Test
    void aStrictImportWithBadLinesAnswers422WithTheReportAndWritesNothing() {
        HttpResponse<byte[]> response = post(server, "?mode=strict", BAD_LINE_3, CSV);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode report = json(response.body());
        assertThat(report.get("mode").asText()).isEqualTo("strict");
        assertThat(report.get("written").asBoolean()).isFalse();
        assertThat(report.get("rejections").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(LAST.get().readings()).as("checked only").hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?mode=STRICT", "?mode=dry_run", "?mode=", "?mode=strict&mode=import"})
    void anotherModeIsRefusedWith400NamingTheModes(String query) {
        HttpResponse<byte[]> response = post(server, query, SAMPLE, CSV);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        JsonNode problem = json(response.body());
        assertThat(TestJson.invalidParameters(problem)).containsExactly("mode");
        assertThat(problem.get("errors").get(0).get("message").asText())
                .isIn("must be one of import, strict, dry-run", "is given more than once");
        assertThat(LAST.get()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv; charset=UTF-8", "text/csv;charset=\"utf-8\"", "TEXT/CSV", "text/csv; header=present"})
    void takesCsvInUtf8(String contentType) {
        assertThat(post(server, "", SAMPLE, contentType).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "application/x-www-form-urlencoded",
            "text/csv; charset=iso-8859-1", "text/csvx"})
    void refusesAnotherContentTypeWith415(String contentType) {
        HttpResponse<byte[]> response = post(server, "", SAMPLE, contentType);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        assertThat(response.headers().firstValue("Connection")).as("the body was left unread").hasValue("close");
        assertThat(json(response.body()).get("detail").asText())
                .isEqualTo("The body must be CSV in UTF-8, sent with 'Content-Type: text/csv'");
        assertThat(LAST.get()).isNull();
    }

    @Test
    void refusesABodyWithoutAContentTypeWith415() {
        HttpResponse<byte[]> response = server.post(PATH, SAMPLE.getBytes(StandardCharsets.UTF_8), TestServer.STAFF);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(LAST.get()).isNull();
    }

    static Stream<Arguments> notTheFormat() {
        return Stream.of(
                Arguments.of(new byte[0], "the file is empty"),
                Arguments.of("tracking_number,carrier\nTN1,DHL\n".getBytes(StandardCharsets.UTF_8),
                        "the header lacks the columns sender_address,receiver_address"),
                Arguments.of(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}, "the file is not UTF-8 text"));
    }

    @ParameterizedTest
    @MethodSource("notTheFormat")
    void aBodyThatIsNotTheFormatIsRefusedWith400BeforeAnythingIsImported(byte[] bytes, String reason) {
        for (String mode : List.of("import", "strict", "dry-run")) {
            HttpResponse<byte[]> response = server.post(PATH + "?mode=" + mode, bytes, "Content-Type", CSV,
                    TestServer.STAFF[0], TestServer.STAFF[1]);

            assertThat(response.statusCode()).as(mode).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
            assertThat(json(response.body()).get("detail").asText())
                    .startsWith("The body is not the track-and-trace CSV format: " + reason)
                    .endsWith("; nothing was imported");
        }
    }

    @Test
    void aBodyThatStopsBeingUtf8PartWayAnswers400WithTheReportOfWhatWasImportedAndTheLine() {
        // Far enough into the body that the header is read before the bad bytes are.
        byte[] start = (HEADER + Stream.generate(() -> row("TN10000001")).limit(1_000).reduce("", String::concat))
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + 2];
        System.arraycopy(start, 0, body, 0, start.length);
        body[start.length] = (byte) 0xc3; // a two-byte sequence cut short
        body[start.length + 1] = '\n';

        HttpResponse<byte[]> imported = server.post(PATH, body, "Content-Type", CSV, "X-API-Key", KEY);
        HttpResponse<byte[]> checked = server.post(PATH + "?mode=strict", body, "Content-Type", CSV, "X-API-Key", KEY);

        assertThat(imported.statusCode()).isEqualTo(400);
        assertThat(imported.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        JsonNode problem = json(imported.body());
        assertThat(problem.get("detail").asText())
                .isEqualTo("The body is not the track-and-trace CSV format past a point: the file is not UTF-8 text:"
                        + " bytes at line 1002 are not valid UTF-8 (is it binary, or in another encoding?); the"
                        + " shipments read before it were imported as the report says, the last one aside: send the"
                        + " file again once it is mended, and they count as unchanged");
        assertThat(problem.get("report").get("written").asBoolean()).isTrue();
        assertThat(problem.get("report").get("lines").asLong()).as("every row before the bad bytes").isEqualTo(1_000);
        assertThat(problem.get("report").get("created").asLong()).isEqualTo(1_000);
        assertThat(checked.statusCode()).isEqualTo(400);
        assertThat(json(checked.body()).get("detail").asText()).endsWith("; nothing was imported");
        assertThat(json(checked.body()).get("report").get("written").asBoolean()).isFalse();
    }

    @Test
    void answers503WhenStorageIsDown() {
        HttpResponse<byte[]> response = post(server, "", HEADER + row("STORAGEDOWN"), CSV);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(response.body()).get("detail").asText())
                .isEqualTo("Storage is unavailable for now; the request can be retried");
    }

    @ParameterizedTest
    @ValueSource(strings = {"import", "strict"})
    void streamsABodyLargerThanJavalinsMaximumRequestSize(String mode) throws InterruptedException {
        String rows = Stream.iterate(1, i -> i + 1).limit(20_000).map(i -> row("TN%08d".formatted(i)))
                .reduce(new StringBuilder(), StringBuilder::append, StringBuilder::append).toString();
        byte[] first = (HEADER + row("TN00000000") + row("TN00000000")).getBytes(StandardCharsets.UTF_8);
        byte[] rest = rows.getBytes(StandardCharsets.UTF_8);
        assertThat(first.length + rest.length).isGreaterThan(2 * 1_000_000);
        CountDownLatch lineRead = new CountDownLatch(1);
        LINE_READ.set(lineRead);
        boolean[] readBeforeTheRestWasSent = {false};

        RawResponse response = server.raw("POST " + PATH + "?mode=" + mode + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + KEY + "\r\nContent-Type: text/csv\r\nContent-Length: "
                + (first.length + rest.length) + "\r\nConnection: close\r\n\r\n", out -> {
                    out.write(first);
                    out.flush();
                    try {
                        readBeforeTheRestWasSent[0] = lineRead.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.write(rest);
                    out.flush();
                });

        assertThat(readBeforeTheRestWasSent[0]).as("the first lines were imported while the rest was on its way")
                .isTrue();
        assertThat(response.status()).as(text(response.body())).isEqualTo(200);
        assertThat(json(response.body()).get("lines").asLong()).isEqualTo(20_002);
        assertThat(LAST.get().readings().get(LAST.get().readings().size() - 1)).hasSize(20_002)
                .last().extracting(Line::number).isEqualTo(20_003L);
    }

    @Test
    void aStrictImportLargerThanItsBoundIsRefusedWith413() {
        String small = HEADER + row("TN10000001");
        String large = HEADER + Stream.generate(() -> row("TN10000001")).limit(20).reduce("", String::concat);

        HttpResponse<byte[]> fits = post(smallBound, "?mode=strict", small, CSV);
        HttpResponse<byte[]> tooLarge = post(smallBound, "?mode=strict", large, CSV);
        HttpResponse<byte[]> notStrict = post(smallBound, "", large, CSV);

        assertThat(fits.statusCode()).isEqualTo(200);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        assertThat(tooLarge.headers().firstValue("Connection")).hasValue("close");
        assertThat(json(tooLarge.body()).get("detail").asText())
                .startsWith("A strict import's body may be at most 1024 bytes, since it is imported in one transaction;"
                        + " nothing was imported");
        assertThat(notStrict.statusCode()).as("only a strict import is bounded").isEqualTo(200);
        assertThat(json(notStrict.body()).get("lines").asLong()).isEqualTo(20);
    }

    static String row(String number) {
        return number + ",DHL,\"Street 1, 10115 Berlin, Germany\",\"Street 10, 75001 Paris, France\",Laptop,1,800,"
                + "LP123,in_transit\n";
    }

    private static HttpResponse<byte[]> post(TestServer to, String query, String body, String contentType) {
        return to.post(PATH + query, body.getBytes(StandardCharsets.UTF_8), "Content-Type", contentType,
                "Authorization", "Bearer " + KEY);
    }

    // As the service does: a break part way ends the import with the report of the lines read before it.
    private static List<Line> read(ImportShipmentsUseCase.Command command) {
        List<Line> lines = new ArrayList<>();
        assertThat(command.name()).isEqualTo(ImportShipmentsHandler.BODY);
        try (Stream<Line> stream = Persistence.shipmentFileReader().lines(command.bytes(), command.name())) {
            try {
                stream.forEach(line -> {
                    lines.add(line);
                    LINE_READ.get().countDown();
                });
            } catch (RuntimeException broken) {
                throw new ImportShipmentsUseCase.IncompleteImportException(new Report(lines.size(), lines.size(), 0, 0,
                        0, 0, List.of(), command.mode() == Mode.IMPORT), broken);
            }
        }
        return lines;
    }
}
