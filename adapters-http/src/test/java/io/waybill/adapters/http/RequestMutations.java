package io.waybill.adapters.http;

import io.waybill.adapters.http.MutatedRequests.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/** The mutations {@link MutatedRequests} applies, one at a time, each chosen at random with its details. */
final class RequestMutations {

    private static final List<String> CONTENT_TYPES = List.of("", "text/plain", "application/json; charset=iso-8859-1",
            "application/json; charset=utf-16", "application/json;charset=\"UTF-8\"", "application/problem+json",
            "application/json; charset", "application/json; charset=", ";;;", "APPLICATION/JSON", "text/csv",
            "text/csv; charset=utf-8; header=present", "multipart/form-data; boundary=x", "*/*", "application/json, x/y",
            "application/x-www-form-urlencoded", "\u00ff\u00fe", "application/json; charset=\u00e9", "text/csv;;");
    private static final List<String> HEADERS = List.of("Authorization: Bearer", "Authorization: Bearer "
            + "k".repeat(5_000), "Authorization: Basic Zm9vOmJhcg==", "Authorization: bearer " + TestServer.KEY,
            "X-API-Key: " + TestServer.KEY, "X-API-Key: \u00ff\u00fe", "Authorization: Bearer " + TestServer.KEY
            + "\u00e9", "Authorization: Bearer \u0001", "Accept: application/xml", "Accept-Charset: utf-16",
            "Content-Encoding: gzip", "Expect: 100-continue", "Range: bytes=0-1", "X-Forwarded-For: \u00ff, ::1",
            "Host: a b", "Accept: */*;q=x", "If-None-Match: \"\u00ff\"", "Content-Type: application/json",
            "Cookie: a=\u00e9", "X-Long: " + "x".repeat(60_000), "Content-Language: \u00e4", "Origin: null",
            "Transfer-Encoding: chunked", "Transfer-Encoding: gzip, chunked", "Content-Type: text/csv",
            "Content-Type: application/json; charset=utf-8", "Accept-Encoding: gzip", "Connection: keep-alive, Upgrade",
            "Upgrade: h2c", "Max-Forwards: 0", "X-HTTP-Method-Override: DELETE", "Trailer: Content-Type");
    private static final List<String> METHODS = List.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO",
            "get", "POST", "GET", "CONNECT", "PROPFIND");
    private static final List<String> PATH_BYTES = List.of("%FF", "%00", "%2F", "%2e%2e/", "/..", "//", "%zz", "%",
            "\u00ff", "\u00c3\u00a9", "\u00ed\u00a0\u0080", ";x=1", "%C0%AF", "%ED%A0%80", "a".repeat(5_000), "?", "&",
            "=", "#x", "%u0041", "\\", "|", "{}", "%20", "+", "%E7%B4", "\u00c0\u00af", "%0A", "%0D%0A", "*", "~",
            "/TN55555555", "/x", "/events", "%7B%7D", "[::1]", "\u0080");
    private static final List<String> NUMBERS = List.of("1e999999999", "-1e999999999", "1e-999999999",
            "1E+2147483648", "9".repeat(1_200), "9".repeat(900), "0." + "0".repeat(900) + "1", "-0", "-1", "NaN",
            "Infinity", "-Infinity", "1.5e", "0x1F", "01", "2147483648", "9223372036854775808", "1e400", "4.9e-324",
            "\"1e999999999\"", "\"-1e-999999999\"", "\"NaN\"", "\"" + "9".repeat(5_000) + "\"", "\" 1.5 \"", "1.0E-5",
            "\"1e2\"", "\"0.0000000000000000001\"", "-9.99", "1e308", "\"\u0661\u0662\"");
    private static final List<String> OTHERS = List.of("[]", "{}", "true", "null", "\"\"", "[1,2]", "{\"a\":1}",
            "\"x\"", "\"\\ud800\"", "\"a\\udc00b\"", "\"\\u0000\"", "\"" + "a".repeat(100_000) + "\"",
            "\"\\uD83D\\uDE00\"", "\"\u202e\"", "\"\\n\"", "\"\\ufffd\"", "\"\\uFEFF\"", "\"2026-02-30T00:00:00Z\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"in_transit\"", "\"TN12345678\"", "\"\\u00e9\\u0301\"");
    private static final List<byte[]> BAD_BYTES = List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0,
            (byte) 0xaf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {0}, new byte[] {(byte) 0xe7,
            (byte) 0xb4}, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, new byte[] {'"'}, new byte[] {','});

    private final Random random;
    private final JsonMutations json;

    RequestMutations(Random random) {
        this.random = random;
        this.json = new JsonMutations(random);
    }

    Request mutate(Request request) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> json.mutate(request, this::token);
            case 3, 4 -> bytes(request);
            case 5, 6 -> headers(request);
            case 7 -> method(request);
            default -> path(request);
        };
    }

    private String token() {
        List<String> from = random.nextBoolean() ? NUMBERS : OTHERS;
        if (random.nextInt(8) == 0) {
            int depth = List.of(100, 600, 5_000).get(random.nextInt(3));
            return random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        }
        return pick(from);
    }

    private Request bytes(Request request) {
        byte[] body = request.body();
        int at = body.length == 0 ? 0 : random.nextInt(body.length);
        byte[] mutated = switch (random.nextInt(5)) {
            case 0 -> flip(body, at);
            case 1 -> Arrays.copyOf(body, at);
            case 2 -> splice(body, at, BAD_BYTES.get(random.nextInt(BAD_BYTES.size())), 0);
            case 3 -> splice(body, at, new byte[0], Math.min(body.length - at, random.nextInt(20)));
            default -> splice(body, at, Arrays.copyOfRange(body, at, Math.min(body.length, at + 30)), 0);
        };
        return with(request, request.method(), request.target(), request.headers(), mutated, "bytes");
    }

    private Request headers(Request request) {
        List<String> headers = new ArrayList<>(request.headers());
        if (random.nextBoolean()) {
            headers.removeIf(header -> header.startsWith("Content-Type"));
            String type = pick(CONTENT_TYPES);
            if (!type.isEmpty()) {
                headers.add("Content-Type: " + type);
            }
        } else {
            if (random.nextBoolean()) {
                headers.removeIf(header -> header.startsWith("Authorization"));
            }
            headers.add(pick(HEADERS));
        }
        return with(request, request.method(), request.target(), headers, request.body(), "headers");
    }

    private Request method(Request request) {
        return with(request, pick(METHODS), request.target(), request.headers(), request.body(), "method");
    }

    private Request path(Request request) {
        String target = request.target();
        int equals = target.indexOf('=', random.nextInt(target.length()));
        if (equals > 0 && random.nextBoolean()) {
            int end = target.indexOf('&', equals);
            String value = URLEncoder.encode(random.nextBoolean() ? pick(NUMBERS) : pick(OTHERS), StandardCharsets.UTF_8);
            String mutated = target.substring(0, equals + 1) + value + (end < 0 ? "" : target.substring(end));
            return with(request, request.method(), mutated, request.headers(), request.body(), "query");
        }
        int at = 1 + random.nextInt(target.length());
        String mutated = target.substring(0, at) + pick(PATH_BYTES) + target.substring(random.nextInt(5) == 0
                ? Math.min(target.length(), at + 1 + random.nextInt(10)) : at);
        return with(request, request.method(), mutated, request.headers(), request.body(), "path");
    }

    static Request with(Request request, String method, String target, List<String> headers, byte[] body,
            String mutation) {
        String mutations = request.mutations().isEmpty() ? mutation : request.mutations() + "," + mutation;
        return new Request(method, target, headers, body, mutations);
    }

    String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    static Request withBody(Request request, UnaryOperator<byte[]> change, String mutation) {
        return with(request, request.method(), request.target(), request.headers(), change.apply(request.body()),
                mutation);
    }

    private byte[] flip(byte[] body, int at) {
        byte[] flipped = body.clone();
        if (flipped.length > 0) {
            flipped[at] ^= (byte) (1 << random.nextInt(8));
        }
        return flipped;
    }

    private static byte[] splice(byte[] body, int at, byte[] inserted, int removed) {
        byte[] result = new byte[body.length + inserted.length - removed];
        System.arraycopy(body, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(body, at + removed, result, at + inserted.length, body.length - at - removed);
        return result;
    }
}
