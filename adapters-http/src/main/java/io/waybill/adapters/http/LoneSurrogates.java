package io.waybill.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Finds text in a JSON tree that is not valid Unicode: a lone surrogate, which JSON can write as an escape such as
 * {@code "\ud800"} and Jackson reads as it is in a value (in a field name it refuses one itself). Stored, it would
 * become a {@code ?} or fail in the database; so it is refused, naming where it is.
 */
final class LoneSurrogates {

    private LoneSurrogates() {}

    /** The problem at the first such text, its path written as {@link BodyProblems} writes paths. */
    static Optional<Problem.InvalidParameter> in(JsonNode tree) {
        return find(tree, "");
    }

    private static Optional<Problem.InvalidParameter> find(JsonNode node, String path) {
        if (node.isTextual()) {
            return valid(node.textValue()) ? Optional.empty() : Optional.of(new Problem.InvalidParameter(
                    path.isEmpty() ? BodyProblems.BODY : path,
                    "is not valid Unicode: it holds a lone surrogate, such as an unpaired \\ud800 escape"));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<Problem.InvalidParameter> found = find(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<Problem.InvalidParameter> found =
                    find(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean valid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
