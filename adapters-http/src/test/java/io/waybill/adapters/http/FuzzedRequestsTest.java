package io.waybill.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.adapters.http.MutatedRequests.Request;
import io.waybill.adapters.http.TestServer.RawResponse;
import io.waybill.application.port.in.FakeShipmentsUseCase;
import io.waybill.application.port.in.ListShipmentsUseCase.Page;
import io.waybill.domain.Shipment;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Thousands of mutated requests to every route, sent over raw sockets: none may be answered with a 5xx, every 4xx
 * must be problem details (or {@code /query}'s envelope), and nothing may be logged as an error or with a trace.
 */
class FuzzedRequestsTest {

    // A longer campaign: -Dfuzz.seed=N -Dfuzz.requests=N
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_206L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3_000);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_MESSAGE = 500;

    @Test
    void answersEveryMutatedRequestWithoutA5xxOrAStackTrace() throws Exception {
        MutatedRequests generator = new MutatedRequests(SEED);
        List<Request> corpus = Stream.generate(generator::next).limit(REQUESTS).toList();
        ListAppender<ILoggingEvent> log = captureLog();
        List<String> failures = new ArrayList<>();
        AtomicInteger clientErrors = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try (TestServer server = TestServer.start(useCases())) {
            List<Future<Optional<String>>> results = new ArrayList<>();
            for (Request request : corpus) {
                results.add(senders.submit(() -> check(server.port(), request, clientErrors)));
            }
            for (Future<Optional<String>> result : results) {
                result.get(30, TimeUnit.SECONDS).ifPresent(failures::add);
            }
        } finally {
            senders.shutdownNow();
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        }

        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(log.list).as("errors or traces logged").filteredOn(event -> event.getLevel() == Level.ERROR
                || event.getThrowableProxy() != null).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        assertThat(clientErrors.get()).as("most mutations break the request").isGreaterThan(REQUESTS / 2);
        assertThat(corpus.stream().flatMap(request -> Stream.of(request.mutations().split(","))))
                .as("every kind of mutation is exercised").containsAll(List.of("json", "bytes", "headers", "method",
                        "path", "query"));
    }

    /** Each request here was answered with a 500 and a stack trace before the fix the fuzzing above led to. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POST /api/v1/shipments | Content-Type: ;;; | {} | 415",
            "POST /api/v1/imports | Content-Type: ;;; | x | 415",
            "POST /shipment/ | Content-Type: application/json; charset=\u00e9 | {} | 415",
            "POST /api/v1/shipments | Content-Type: application/json | {\"weight_kg\": 1E+2147483648} | 400",
            "GET /api/v1/shipments/TN1234%u0041 | X-Trace: 1 | '' | 400"})
    void answersEachRequestThatOnceGaveA500(String requestLine, String header, String body, int status)
            throws Exception {
        String[] methodAndTarget = requestLine.split(" ");
        Request request = new Request(methodAndTarget[0], methodAndTarget[1],
                List.of(header, "Authorization: Bearer " + TestServer.KEY),
                body.getBytes(StandardCharsets.UTF_8), "");
        ListAppender<ILoggingEvent> log = captureLog();
        try (TestServer server = TestServer.start(useCases())) {
            assertThat(send(server.port(), request).status()).isEqualTo(status);
            assertThat(check(server.port(), request, new AtomicInteger())).isEmpty();
        } finally {
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        }
        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.ERROR).isEmpty();
    }

    private static Optional<String> check(int port, Request request, AtomicInteger clientErrors) {
        RawResponse response;
        try {
            response = send(port, request);
        } catch (IOException | AssertionError e) {
            return Optional.of(e + " for " + shown(request));
        }
        int status = response.status();
        if (status >= 500) {
            return Optional.of(status + " " + TestServer.text(response.body()) + " for " + shown(request));
        }
        if (status < 400 || request.method().equals("HEAD")) {
            return Optional.empty();
        }
        clientErrors.incrementAndGet();
        String type = response.headers().getOrDefault("content-type", "");
        JsonNode body = parse(response.body());
        boolean problem = type.equals(Problem.CONTENT_TYPE) && body != null && body.path("status").asInt() == status;
        boolean envelope = LegacyEnvelope.wraps(path(request.target())) && type.startsWith("application/json")
                && body != null && body.has("status") && body.has("data") && body.has("error");
        if (!problem && !envelope) {
            return Optional.of(status + " " + type + " " + TestServer.text(response.body()) + " for " + shown(request));
        }
        return longMessage(body).map(message -> "a message too long (" + message.length() + " characters): "
                + message.substring(0, 300) + "... for " + shown(request));
    }

    /** A message longer than our own words and a quote of at most 40 characters of the input make. */
    private static Optional<String> longMessage(JsonNode body) {
        List<String> messages = new ArrayList<>(List.of(body.path("detail").asText(), body.path("error").asText()));
        body.path("errors").forEach(error -> messages.add(error.path("message").asText()));
        return messages.stream().filter(message -> message.length() > MAX_MESSAGE).findFirst();
    }

    private static String path(String target) {
        return target.split("[?#]", 2)[0];
    }

    /** The response after any interim 1xx ones (such as 100 Continue). */
    private static RawResponse send(int port, Request request) throws IOException {
        RawResponse response;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.bytes());
            socket.getOutputStream().flush();
            response = RawResponse.parse(socket.getInputStream().readAllBytes());
        }
        while (response.status() < 200) {
            response = RawResponse.parse(response.body());
        }
        return response;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String shown(Request request) {
        String text = new String(request.bytes(), StandardCharsets.ISO_8859_1);
        return "[" + request.mutations() + "] " + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static HttpApi.UseCases useCases() {
        return TestUseCases.builder()
                .issueTrackingNumber(TestUseCases.issuing(new AtomicInteger()))
                .registerShipment(command -> TestShipments.PUBLIC)
                .recordTrackingEvents(command -> TestShipments.PUBLIC.record(
                        command.events().stream().map(TestUseCases::event).toList()))
                .findShipment(TestUseCases.finding(TestShipments.ALL))
                .listShipments(query -> new Page(List.of(), Optional.empty()))
                .importShipments(ImportShipmentsTest.READING)
                .fakeShipments(new FakeShipmentsUseCase() {
                    @Override
                    public Stream<Shipment> generate(Generation generation) {
                        return Stream.of(TestShipments.PUBLIC);
                    }

                    @Override
                    public Created create(Generation generation, Consumer<Shipment> created) {
                        created.accept(TestShipments.PUBLIC);
                        return new Created(1, 0);
                    }
                })
                .build();
    }
}
