package io.waybill.adapters.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates raw HTTP/1.1 requests, each a valid request to one of the API's routes with one to three mutations: of
 * the body (byte flips, cuts, a JSON value swapped for a huge, negative or NaN-like number, another type, a deep
 * nest, a duplicate key, a lone surrogate), of its headers (content types, charsets, keys), of the method or of the
 * path (encoded and raw bytes). Every request says {@code Connection: close} and carries an exact
 * {@code Content-Length} or chunks, so that each one is answered and then ends.
 */
final class MutatedRequests {

    record Request(String method, String target, List<String> headers, byte[] body, String mutations) {

        private static final int CHUNK = 1_000;

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            headers.forEach(header -> write(out, header + "\r\n"));
            if (headers.stream().anyMatch(header -> header.startsWith("Transfer-Encoding") && header.endsWith("chunked"))) {
                write(out, "\r\n");
                for (int at = 0; at < body.length; at += CHUNK) {
                    int length = Math.min(CHUNK, body.length - at);
                    write(out, Integer.toHexString(length) + "\r\n");
                    out.write(body, at, length);
                    write(out, "\r\n");
                }
                write(out, "0\r\n\r\n");
            } else {
                write(out, "Content-Length: " + body.length + "\r\n\r\n");
                out.writeBytes(body);
            }
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1)); // chars up to 0xFF stand for single bytes
        }
    }

    private static final String STAFF = "Authorization: Bearer " + TestServer.KEY;
    private static final String JSON = "Content-Type: application/json";
    private static final String EVENT = "{\"event_id\": \"e9\", \"time\": \"2026-11-21T09:00:00+08:00\", \"status\":"
            + " \"in_transit\", \"location\": {\"id\": \"7\", \"title\": \"Hsinchu\"}, \"description\": \"ok\"}";
    private static final List<Request> VALID = List.of(
            post("/api/v1/shipments", STAFF, JSON, TestJson.resource("register-shipment.json")),
            post("/api/v1/shipments/TN12345678/events?carrier=DHL", STAFF, JSON, "{\"events\": [" + EVENT + "]}"),
            post("/api/v1/shipments/TN12345678/events", STAFF, JSON, "[" + EVENT + "]"),
            post("/shipment/", "X-Trace: 1", JSON, "{\"tracking_number\": \"TN12345678\", \"carrier\": \"DHL\"}"),
            post("/api/v1/imports?mode=dry-run", STAFF, "Content-Type: text/csv",
                    TestJson.resource("sample-data/seed_data.csv")),
            get("/query?sno=TN12345678"),
            get("/next-tracking-number?" + TestServer.SAMPLE_QUERY),
            get("/api/v1/shipments/TN12345678?carrier=DHL"),
            get("/api/v1/shipments?limit=10&status=in_transit&created_from=2026-01-01T00:00:00Z", STAFF),
            get("/shipment?limit=5", STAFF),
            get("/fake?num=2", STAFF),
            get("/health"));

    private final Random random;
    private final RequestMutations mutations;

    MutatedRequests(long seed) {
        this.random = new Random(seed);
        this.mutations = new RequestMutations(random);
    }

    Request next() {
        Request request = VALID.get(random.nextInt(VALID.size()));
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            request = mutations.mutate(request);
        }
        return request;
    }

    private static Request post(String target, String header, String contentType, String body) {
        return new Request("POST", target, List.of(header, contentType), body.getBytes(StandardCharsets.UTF_8), "");
    }

    private static Request get(String target, String... headers) {
        return new Request("GET", target, new ArrayList<>(List.of(headers)), new byte[0], "");
    }
}
