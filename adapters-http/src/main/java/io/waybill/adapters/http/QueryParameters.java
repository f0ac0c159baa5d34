package io.waybill.adapters.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A raw query string split into parameters. Names are decoded up front (a name that cannot be decoded is not one
 * this API knows, so it is ignored); values only when asked for, so a bad value in an unknown parameter is no
 * error.
 */
final class QueryParameters {

    private final Map<String, List<String>> rawValuesByName;

    private QueryParameters(Map<String, List<String>> rawValuesByName) {
        this.rawValuesByName = rawValuesByName;
    }

    static QueryParameters parse(String rawQuery) {
        Map<String, List<String>> rawValuesByName = new HashMap<>();
        if (rawQuery != null) {
            // By indexOf rather than split("&"), which built an array and a list only to be thrown away.
            int start = 0;
            while (start <= rawQuery.length()) {
                int end = rawQuery.indexOf('&', start);
                if (end < 0) {
                    end = rawQuery.length();
                }
                int equals = start; // the first '=' of this pair, or its end: not indexOf, which would search past it
                while (equals < end && rawQuery.charAt(equals) != '=') {
                    equals++;
                }
                String rawName = rawQuery.substring(start, equals);
                String rawValue = equals < end ? rawQuery.substring(equals + 1, end) : "";
                start = end + 1;
                try {
                    String name = PercentDecoder.decode(rawName);
                    rawValuesByName.computeIfAbsent(name, n -> new ArrayList<>(1)).add(rawValue);
                } catch (IllegalArgumentException undecodableName) {
                    // not a name we know: ignored, like any unknown parameter
                }
            }
        }
        return new QueryParameters(rawValuesByName);
    }

    /** The decoded value of a parameter that must be given exactly once; otherwise says what is wrong. */
    String single(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("is required"));
    }

    /** The decoded value of a parameter that may be left out but not repeated; otherwise says what is wrong. */
    Optional<String> optional(String name) {
        List<String> rawValues = rawValuesByName.get(name);
        if (rawValues == null) {
            return Optional.empty();
        }
        if (rawValues.size() > 1) {
            throw new IllegalArgumentException("is given more than once");
        }
        return Optional.of(PercentDecoder.decode(rawValues.get(0)));
    }

    /**
     * A parameter's value as a page shows it back to whoever sent it: decoded, or as sent when it cannot be (the
     * page then finds it invalid and says so), several values joined by commas; empty when it is not given.
     */
    Optional<String> asSent(String name) {
        List<String> rawValues = rawValuesByName.get(name);
        if (rawValues == null) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>(rawValues.size());
        for (String raw : rawValues) {
            try {
                values.add(PercentDecoder.decode(raw));
            } catch (IllegalArgumentException undecodable) {
                values.add(raw);
            }
        }
        return Optional.of(String.join(",", values));
    }
}
