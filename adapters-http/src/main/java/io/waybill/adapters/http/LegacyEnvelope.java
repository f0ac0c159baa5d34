package io.waybill.adapters.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The envelope of the logistics status system's {@code GET /query} and {@code GET /fake}, on success and on every error
 * alike:
 * {@code {"status": "success" | "error", "data": ... | null, "error": null | "message"}}.
 */
final class LegacyEnvelope {

    static final String PATH = "/query";

    private LegacyEnvelope() {}

    /** Whether the answer to a request for this path must be enveloped. */
    static boolean wraps(String path) {
        return path.equals(PATH) || path.equals(PATH + "/") || path.equals(FakeShipmentsHandler.PATH)
                || path.equals(FakeShipmentsHandler.PATH + "/");
    }

    static Map<String, Object> success(Object data) {
        return envelope("success", data, null);
    }

    /** A problem's detail, or, when it lists invalid parameters, each of them, such as {@code sno is required}. */
    static Map<String, Object> error(Problem problem) {
        String message = problem.errors() == null
                ? problem.detail()
                : problem.errors().stream()
                        .map(error -> error.parameter() + " " + error.message())
                        .collect(Collectors.joining("; "));
        return envelope("error", null, message);
    }

    private static Map<String, Object> envelope(String status, Object data, String error) {
        Map<String, Object> json = new LinkedHashMap<>(4);
        json.put("status", status);
        json.put("data", data);
        json.put("error", error);
        return json;
    }
}
