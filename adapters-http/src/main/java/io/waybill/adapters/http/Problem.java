package io.waybill.adapters.http;

import java.util.List;

/**
 * An RFC 9457 problem-details body. With the type {@code about:blank} the title is the status's reason phrase, as
 * the RFC asks; {@code errors} is an extension member, left out when there is none.
 */
record Problem(String type, String title, int status, String detail, String instance, List<InvalidParameter> errors) {

    static final String CONTENT_TYPE = "application/problem+json";

    record InvalidParameter(String parameter, String message) {}

    static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, null);
    }

    static Problem invalidParameters(String instance, List<InvalidParameter> errors) {
        String detail = errors.size() == 1
                ? "1 query parameter is invalid"
                : errors.size() + " query parameters are invalid";
        return new Problem("about:blank", "Bad Request", 400, detail, instance, List.copyOf(errors));
    }
}
