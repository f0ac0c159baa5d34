package io.waybill.adapters.http.weather;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A request's URL: a base URL (perhaps with a proxy's path prefix), a path appended to it, and encoded parameters. */
final class Query {

    private final URI base;
    private final String path;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    Query(URI base, String path) {
        this.base = base;
        this.path = path;
    }

    Query with(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    /** Written in full, as {@link Double#toString} would not for small values (1.0E-4). */
    Query with(String name, double value) {
        return with(name, BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }

    URI uri() {
        String prefix = base.toString().replaceAll("/+$", "");
        String query = parameters.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(prefix + path + "?" + query);
    }

    // Percent-encoding as RFC 3986 has it ("Den Haag" is Den%20Haag, not the form encoding's Den+Haag, which not every
    // server reads as a space); commas stay as they are, since both services document lists and "zip,country" so.
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("%2C", ",")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
