package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.KEY;
import static io.waybill.adapters.http.TestServer.json;
import static io.waybill.adapters.http.TestServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.waybill.adapters.http.TestServer.RawResponse;
import io.waybill.adapters.persistence.Persistence;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * A body that ends before its announced length (the client gave up, or was cut off) is the client's failure: a 400,
 * and one log line at most, never a stack trace.
 */
class CutShortBodyTest {

    private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private static TestServer server;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestUseCases.builder().findShipment(TestUseCases.finding(TestShipments.ALL))
                .importShipments(command -> {
                    try (var lines = Persistence.shipmentFileReader().lines(command.bytes(), command.name())) {
                        lines.forEach(line -> {});
                    }
                    throw new AssertionError("the body cannot end well");
                }).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void captureLogs() {
        logged.start();
        ROOT.addAppender(logged);
    }

    @AfterEach
    void releaseLogs() {
        ROOT.detachAppender(logged);
    }

    @ParameterizedTest
    @CsvSource({
        "/shipment/, application/json, false",
        "/api/v1/shipments, application/json, true",
        "/api/v1/shipments/TN12345678/events, application/json, true",
        "/api/v1/imports, text/csv, true",
    })
    void aBodyCutShortIsA400AndOneLogLineAtMost(String path, String contentType, boolean staff) throws IOException {
        RawResponse response;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n"
                    + (staff ? "Authorization: Bearer " + KEY + "\r\n" : "") + "Content-Length: 100\r\n\r\n{\"tra")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput(); // the client stops sending but can still read the answer
            response = RawResponse.parse(socket.getInputStream().readAllBytes());
        }

        assertThat(response.status()).as(text(response.body())).isEqualTo(400);
        assertThat(response.headers().get("content-type")).isEqualTo(Problem.CONTENT_TYPE);
        assertThat(json(response.body()).get("detail").asText()).contains("body");
        assertThat(logged.list).as("log lines").hasSizeLessThanOrEqualTo(1)
                .allSatisfy(event -> assertThat(event.getThrowableProxy()).as("a stack trace").isNull());
    }
}
