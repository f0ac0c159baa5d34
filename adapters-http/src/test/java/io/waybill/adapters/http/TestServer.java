package io.waybill.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.application.port.in.CheckReadinessUseCase;
import io.waybill.application.port.in.IssueTrackingNumberUseCase;
import io.waybill.application.port.out.TokenBuckets;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** A real {@link HttpApi} on a free port, and the clients the tests talk to it with. */
final class TestServer implements AutoCloseable {

    static final String SAMPLE_QUERY = "origin_country_id=MY&destination_country_id=ID&weight=1.234"
            + "&created_at=2018-11-20T19:29:32%2B08:00&customer_id=de619854-b59b-425e-9db4-943979e1bd49"
            + "&customer_name=RedBox%20Logistics&customer_slug=redbox-logistics";
    static final String KEY = "staff-key-0123456789abcdef";
    static final String OTHER_KEY = "another-staff-key-0123456789";
    static final String[] STAFF = {"Authorization", "Bearer " + KEY};
    static final String[] WRONG_KEY = {"Authorization", "Bearer " + KEY + "x"};

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // One client for every test: on JDK 17 an HttpClient cannot be closed, only dropped.
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpApi api;

    private TestServer(HttpApi api) {
        this.api = api;
    }

    static TestServer start(IssueTrackingNumberUseCase issueTrackingNumber) {
        return start(issueTrackingNumber, TestUseCases.READY);
    }

    static TestServer start(IssueTrackingNumberUseCase issueTrackingNumber, CheckReadinessUseCase checkReadiness) {
        return start(TestUseCases.builder().issueTrackingNumber(issueTrackingNumber).checkReadiness(checkReadiness)
                .build());
    }

    static TestServer start(HttpApi.UseCases useCases) {
        return start(settings(), useCases);
    }

    static TestServer start(HttpSettings settings, HttpApi.UseCases useCases) {
        return new TestServer(HttpApi.start(settings, useCases));
    }

    static TestServer start(HttpApi.UseCases useCases, RateLimitSettings limits, TokenBuckets buckets) {
        return new TestServer(HttpApi.start(settings(), useCases, limits, buckets, Clock.systemUTC()));
    }

    /** Without rate limits, on {@code clock}. */
    static TestServer start(HttpApi.UseCases useCases, Clock clock) {
        return new TestServer(HttpApi.start(settings(), useCases, RateLimitSettings.OFF, (bucket, limit) -> {
            throw new IllegalStateException("no limits, no buckets");
        }, clock));
    }

    /** Without rate limits, with {@code monitoring}'s meters (the caller closes it). */
    static TestServer start(HttpApi.UseCases useCases, Monitoring monitoring) {
        return new TestServer(HttpApi.start(settings(), useCases, RateLimitSettings.OFF, (bucket, limit) -> {
            throw new IllegalStateException("no limits, no buckets");
        }, Clock.systemUTC(), monitoring));
    }

    int port() {
        return api.port();
    }

    /** The routes registered with Javalin, as {@code METHOD path}. */
    List<String> routes() {
        return api.routes();
    }

    static HttpSettings settings() {
        return new HttpSettings("127.0.0.1", 0, List.of(KEY, OTHER_KEY));
    }

    HttpResponse<byte[]> get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, headers);
    }

    HttpResponse<byte[]> send(String method, String pathAndQuery, String... headers) {
        return send(method, pathAndQuery, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /** Sends a JSON body, with {@code Content-Type: application/json} unless the headers name another. */
    HttpResponse<byte[]> post(String pathAndQuery, String jsonBody, String... headers) {
        String[] all = Arrays.asList(headers).contains("Content-Type") ? headers
                : Stream.concat(Stream.of("Content-Type", "application/json"), Stream.of(headers)).toArray(String[]::new);
        return send("POST", pathAndQuery, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8), all);
    }

    /** Sends {@code body} as it is, with the headers given and no others. */
    HttpResponse<byte[]> post(String pathAndQuery, byte[] body, String... headers) {
        return send("POST", pathAndQuery, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    private HttpResponse<byte[]> send(String method, String pathAndQuery, HttpRequest.BodyPublisher body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery))
                .timeout(TIMEOUT)
                .method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a GET with a request target written as is, for what {@link URI} refuses (such as {@code %zz}). */
    RawResponse raw(String requestTarget) {
        return raw("GET " + requestTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", out -> {});
    }

    /**
     * Writes {@code head} (a request line and headers, {@code Connection: close} among them, and the blank line),
     * then lets {@code body} write the rest, flushed as it goes, and reads the answer.
     */
    RawResponse raw(String head, BodyWriter body) {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            body.write(out);
            InputStream in = socket.getInputStream();
            return RawResponse.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    static JsonNode json(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    @Override
    public void close() {
        api.close();
    }

    /** A response read off a socket; header names in lower case. */
    record RawResponse(int status, Map<String, String> headers, byte[] body) {

        static RawResponse parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("no complete HTTP response: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new RawResponse(status, headers, Arrays.copyOfRange(bytes, end + 4, bytes.length));
        }
    }
}
