package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.http.HttpSettings;
import io.waybill.application.contract.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping without failing anyone (issue 15): on SIGTERM {@code /ready} turns 503 at once, every other route is served
 * through {@code WAYBILL_SHUTDOWN_GRACE_MS}, then the service takes no new connection, finishes what is in flight,
 * stores what is queued and exits with 0. The same for an application that embeds Waybill and serves its HTTP.
 */
class GracefulShutdownTest {

    private static final String KEY = "graceful-shutdown-test-key-0123456789";
    // Short, to keep the test fast, and long enough for many requests to be served in it.
    private static final Duration GRACE = Duration.ofMillis(1500);
    // "At once": the time between the signal and the first 503 includes the JVM's reaction and a request's round trip.
    private static final Duration AT_ONCE = Duration.ofMillis(500);
    private static final String LOOKUP = "/api/v1/shipments/TN12345678?carrier=DHL";
    private static final String ISSUE = "/next-tracking-number?" + Orders.SAMPLE_QUERY;
    private static final Pattern NUMBER = Pattern.compile("\"tracking_number\":\"([A-Z0-9]+)\"");

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @Test
    void onSigtermReadyTurns503AtOnceTheRestIsServedThroughTheGraceASlowUploadFinishesAndTheExitIsZero()
            throws Exception {
        TestDatabase database = TestDatabase.sqliteFile(directory.resolve("data"));
        Map<String, String> environment = new HashMap<>(database.environment());
        environment.put("WAYBILL_API_KEYS", KEY);
        environment.put("WAYBILL_WEATHER_PROVIDER", "none");
        environment.put("WAYBILL_SHUTDOWN_GRACE_MS", Long.toString(GRACE.toMillis()));
        List<String> numbers = new ArrayList<>();
        try (ServiceProcess service = ServiceProcess.start(environment, directory.resolve("serve.log"))) {
            int port = service.port();
            HttpResponse<String> imported = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/imports"))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(sample("seed_data.csv"))));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(get(port, "/ready").statusCode()).isEqualTo(200);

            try (SlowUpload upload = SlowUpload.start(port, "/api/v1/imports", sample("seed_data_variant.csv"))) {
                long signalled = System.nanoTime();
                service.terminate();

                Poll.until("/ready answers 503", () -> get(port, "/ready").statusCode() == 503, AT_ONCE);
                HttpResponse<String> ready = get(port, "/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).startsWith("{\"status\":\"shutting down\",\"components\":{\"database\":\"up\"");

                // Everything else is served until the grace after the signal has passed; then the service stops
                // taking connections, and answers a request sent on a connection it had kept open with 503.
                int served = 0;
                long stoppedAfter;
                while (true) {
                    Optional<HttpResponse<String>> health = answered(port, "/health");
                    Optional<HttpResponse<String>> lookup = answered(port, LOOKUP);
                    Optional<HttpResponse<String>> issued = answered(port, ISSUE);
                    if (health.isEmpty() || lookup.isEmpty() || issued.isEmpty()) {
                        stoppedAfter = millisSince(signalled);
                        break;
                    }
                    assertThat(health.get().statusCode()).isEqualTo(200);
                    assertThat(lookup.get().statusCode()).as(lookup.get().body()).isEqualTo(200);
                    assertThat(issued.get().statusCode()).as(issued.get().body()).isEqualTo(200);
                    Matcher number = NUMBER.matcher(issued.get().body());
                    assertThat(number.find()).isTrue();
                    numbers.add(number.group(1));
                    served++;
                    assertThat(millisSince(signalled)).as("still serving long after the grace").isLessThan(10_000);
                }
                assertThat(stoppedAfter).as("served through the grace").isGreaterThanOrEqualTo(GRACE.toMillis());
                assertThat(served).as("rounds of requests served in the grace").isGreaterThan(5);
                Poll.until("new connections refused", () -> !accepts(port), Duration.ofSeconds(5));

                String answer = upload.pauseThenFinish();
                assertThat(answer).as("the upload in progress when the grace ended").startsWith("HTTP/1.1 200 ");
                assertThat(answer).contains("\"written\":true").contains("\"updated\":1");
            }
            assertThat(service.exitStatus(Duration.ofSeconds(15))).as("exit status").isZero();
        }
        assertThat(database.storedTrackingNumbers()).as("every number answered in the grace is stored")
                .containsAll(numbers);
    }

    @Test
    void anEmbeddingApplicationShutsDownGracefullyToo() throws Exception {
        Waybill waybill = Waybill.start(WaybillConfig.embedded()
                .withHttp(new HttpSettings("127.0.0.1", 0, List.of(KEY)))
                .withShutdownGrace(GRACE));
        int port = waybill.httpPort().orElseThrow();
        assertThat(get(port, "/ready").statusCode()).isEqualTo(200);

        long started = System.nanoTime();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(waybill::shutDownGracefully);

        Poll.until("/ready answers 503", () -> get(port, "/ready").statusCode() == 503, AT_ONCE);
        assertThat(get(port, "/ready").body()).startsWith("{\"status\":\"shutting down\"");
        assertThat(get(port, "/health").statusCode()).isEqualTo(200);
        assertThat(get(port, "/next-tracking-number?" + Orders.SAMPLE_QUERY).statusCode()).isEqualTo(200);
        assertThat(stopping).as("serving through the grace").isNotDone();

        stopping.get(15, TimeUnit.SECONDS);
        assertThat(millisSince(started)).isGreaterThanOrEqualTo(GRACE.toMillis());
        assertThat(accepts(port)).as("closed once it returns").isFalse();
        waybill.close(); // a second close does nothing
    }

    @Test
    void withoutHttpThereIsNoBalancerToWaitFor() {
        Duration grace = Duration.ofSeconds(30);
        Waybill waybill = Waybill.start(WaybillConfig.embedded().withShutdownGrace(grace));
        long started = System.nanoTime();

        waybill.shutDownGracefully();

        assertThat(millisSince(started)).isLessThan(grace.toMillis());
    }

    @Test
    void aMalformedGraceRefusesTheStartNamingIt() throws Exception {
        Map<String, String> environment = new HashMap<>(TestDatabase.sqliteFile(directory.resolve("data")).environment());
        environment.put("WAYBILL_SHUTDOWN_GRACE_MS", "5s");

        CommandProcess serve = CommandProcess.run(environment, directory, "serve", "--port", "0");

        assertThat(serve.exitStatus()).isNotZero();
        assertThat(serve.err()).contains("WAYBILL_SHUTDOWN_GRACE_MS is malformed");
    }

    /**
     * The answer to {@code path}; empty once the service is stopping: the connection refused or closed, or a 503 for
     * a request that came on a connection opened before (Jetty's answer while it stops gracefully).
     */
    private Optional<HttpResponse<String>> answered(int port, String path) {
        try {
            HttpResponse<String> response = get(port, path);
            return response.statusCode() == 503 ? Optional.empty() : Optional.of(response);
        } catch (UncheckedIOException stopped) {
            return Optional.empty();
        }
    }

    private HttpResponse<String> get(int port, String path) {
        return send(port, HttpRequest.newBuilder(uri(port, path)));
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request) {
        try {
            return http.send(request.header("X-API-Key", KEY).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException refused) {
            return false;
        }
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = GracefulShutdownTest.class.getResourceAsStream("/sample-data/" + name)) {
            return in.readAllBytes();
        }
    }

    /**
     * A client on a slow link: an import whose body goes a byte every {@link #PACE}, on a thread of its own, from
     * before the signal until {@link #pauseThenFinish} pauses, then sends the rest at once and reads the answer.
     */
    private static final class SlowUpload implements AutoCloseable {

        private static final Duration PACE = Duration.ofMillis(20);
        // Longer than Jetty's idle timeout on an ordinary close (100 ms), shorter than on a graceful one (2 s).
        private static final Duration PAUSE = Duration.ofMillis(500);

        private final Socket socket;
        private final byte[] body;
        private final CompletableFuture<Integer> sending;
        private volatile boolean paused;

        private SlowUpload(Socket socket, byte[] body) {
            this.socket = socket;
            this.body = body;
            this.sending = CompletableFuture.supplyAsync(this::sendUntilPaused);
        }

        /** Sends the request's head and returns once the service reads its body (it answered 100 Continue). */
        static SlowUpload start(int port, String path, byte[] body) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + KEY + "\r\n"
                    + "Content-Type: text/csv\r\nExpect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(socket.getInputStream());
            if (!head.startsWith("HTTP/1.1 100 ")) {
                socket.close();
                throw new IllegalStateException("no 100 Continue: " + head);
            }
            return new SlowUpload(socket, body);
        }

        /** Sends a byte every {@link #PACE} until paused; how many bytes went. */
        private int sendUntilPaused() {
            try {
                OutputStream out = socket.getOutputStream();
                int sent = 0;
                while (sent < body.length - 1 && !paused) {
                    Thread.sleep(PACE.toMillis()); // the pace of a slow link, not a wait for an event
                    out.write(body[sent++]);
                    out.flush();
                }
                return sent;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * Stops sending, pauses for {@link #PAUSE} as a slow link does now and then, then sends what is left of the
         * body at once; the answer, head and body.
         */
        String pauseThenFinish() throws Exception {
            paused = true;
            int sent = sending.get(15, TimeUnit.SECONDS);
            Thread.sleep(PAUSE.toMillis()); // the client's pause, not a wait for an event
            OutputStream out = socket.getOutputStream();
            out.write(body, sent, body.length - sent);
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            Matcher length = Pattern.compile("(?i)\r\nContent-Length: (\\d+)").matcher(head);
            if (!length.find()) {
                return head;
            }
            return head + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int next = in.read();
                if (next < 0) {
                    throw new IOException("closed after " + head);
                }
                head.write(next);
                matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
            }
            return head.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            paused = true;
            socket.close();
        }
    }
}
