package io.waybill.adapters.http;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem-details body. With the type {@code about:blank} the title is the status's reason phrase, as
 * the RFC asks. Extension members, left out when there are none: {@code errors}, every invalid parameter or field;
 * {@code carriers}, the carriers to choose from when a tracking number is ambiguous; {@code report}, what an import
 * that broke part way did before the break.
 */
record Problem(String type, String title, int status, String detail, String instance, List<InvalidParameter> errors,
        List<String> carriers, Map<String, Object> report) {

    static final String CONTENT_TYPE = "application/problem+json";

    /** @param parameter a query parameter's name, or a body field's path such as {@code articles[2].quantity} */
    record InvalidParameter(String parameter, String message) {}

    static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, null, null, null);
    }

    /** @param noun what is invalid, such as {@code query parameter}: "1 query parameter is invalid" */
    static Problem invalidParameters(String instance, String noun, List<InvalidParameter> errors) {
        String detail = errors.size() == 1
                ? "1 " + noun + " is invalid"
                : errors.size() + " " + noun + "s are invalid";
        return new Problem("about:blank", "Bad Request", 400, detail, instance, List.copyOf(errors), null, null);
    }

    Problem withCarriers(List<String> choices) {
        return new Problem(type, title, status, detail, instance, errors, List.copyOf(choices), report);
    }

    Problem withReport(Map<String, Object> importReport) {
        return new Problem(type, title, status, detail, instance, errors, carriers, importReport);
    }
}
