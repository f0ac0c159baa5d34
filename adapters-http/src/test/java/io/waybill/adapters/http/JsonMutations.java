package io.waybill.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.waybill.adapters.http.MutatedRequests.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Mutates one value of a JSON body: swaps it for a raw token (a huge number, another type, a deep nest), or puts a
 * duplicate or unknown key beside it. A body that is no longer JSON gets a byte mutation instead.
 */
final class JsonMutations {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MARK = "\u0001MUTATION\u0001";
    private static final String MARK_JSON = "\"\\u0001MUTATION\\u0001\"";

    private final Random random;

    JsonMutations(Random random) {
        this.random = random;
    }

    Request mutate(Request request, Supplier<String> token) {
        JsonNode tree = parse(request.body());
        if (tree == null || !tree.isContainerNode()) {
            return RequestMutations.withBody(request, body -> token.get().getBytes(StandardCharsets.UTF_8), "json");
        }
        List<Slot> slots = new ArrayList<>();
        collect(tree, slots);
        Slot slot = slots.get(random.nextInt(slots.size()));
        JsonNode original = slot.value();
        slot.replace(TextNode.valueOf(MARK));
        String originalJson = original.toString();
        String replacement = switch (random.nextInt(6)) {
            case 0 -> slot.name() == null ? token.get() : originalJson + ", \"" + slot.name() + "\": " + token.get();
            case 1 -> slot.name() == null ? originalJson + ", " + originalJson : originalJson + ", \"zz\": 1";
            default -> token.get();
        };
        String text = tree.toString().replace(MARK_JSON, replacement);
        return RequestMutations.withBody(request, body -> text.getBytes(StandardCharsets.UTF_8), "json");
    }

    private static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                slots.add(new Slot(object, field.getKey(), -1));
                collect(field.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
        if (slots.isEmpty()) {
            slots.add(new Slot(null, null, -1));
        }
    }

    /** Where a value sits: a field of an object, an element of an array, or (with no parent) nowhere to replace. */
    private record Slot(JsonNode parent, String name, int index) {

        JsonNode value() {
            return parent == null ? TextNode.valueOf(MARK) : name != null ? parent.get(name) : parent.get(index);
        }

        void replace(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(name, value);
            } else if (parent instanceof ArrayNode array) {
                array.set(index, value);
            }
        }
    }
}
