package io.waybill.bootstrap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Talks to a running service over HTTP as the public (no key), as staff (the key) or with a wrong key. */
final class TrackingClient {

    enum Caller { PUBLIC, STAFF, WRONG_KEY }

    /** The three ways to look one shipment up. */
    enum Route { PATH, QUERY, POST }

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    // One client for every test: on JDK 17 an HttpClient cannot be closed, only dropped.
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String key;

    TrackingClient(int port, String key) {
        this.port = port;
        this.key = key;
    }

    Response get(String pathAndQuery, Caller caller) {
        return send(request(pathAndQuery, caller).GET());
    }

    Response post(String pathAndQuery, String json, Caller caller) {
        return post(pathAndQuery, "application/json", json.getBytes(StandardCharsets.UTF_8), caller);
    }

    Response post(String pathAndQuery, String contentType, byte[] body, Caller caller) {
        return send(request(pathAndQuery, caller).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Looks a shipment up by {@code route}, naming the carrier unless it is null. */
    Response lookUp(Route route, String number, String carrier, Caller caller) {
        String withCarrier = carrier == null ? "" : "carrier=" + carrier;
        return switch (route) {
            case PATH -> get("/api/v1/shipments/" + number + (carrier == null ? "" : "?" + withCarrier), caller);
            case QUERY -> get("/query?sno=" + number + (carrier == null ? "" : "&" + withCarrier), caller);
            case POST -> post("/shipment/", "{\"tracking_number\": \"" + number + "\""
                    + (carrier == null ? "" : ", \"carrier\": \"" + carrier + "\"") + "}", caller);
        };
    }

    private HttpRequest.Builder request(String pathAndQuery, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
        return switch (caller) {
            case PUBLIC -> request;
            case STAFF -> request.header("Authorization", "Bearer " + key);
            case WRONG_KEY -> request.header("Authorization", "Bearer " + key + "-wrong");
        };
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            return new Response(response.statusCode(), headers, new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** An answer: its status, headers (names in any case) and the body as sent, decoded as UTF-8. */
    record Response(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            return parse(body);
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
