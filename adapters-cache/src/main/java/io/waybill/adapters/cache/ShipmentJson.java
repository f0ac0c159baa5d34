package io.waybill.adapters.cache;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.waybill.domain.Shipment;
import java.util.List;

/**
 * Shipments as JSON for Redis, through the explicit records of {@link ShipmentDto}, so that the domain carries no
 * Jackson. Times and decimals are strings, so that offsets and scales come back exactly; an absent value is a
 * missing field; an unknown field fails decoding. Any change to this format must raise the format version in
 * {@link RedisEntries}' keys, so that a value in another format is never read. Thread-safe.
 */
final class ShipmentJson {

    private static final TypeReference<List<ShipmentDto>> LIST = new TypeReference<>() {};
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(Include.NON_NULL, Include.NON_NULL))
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ShipmentJson() {}

    static String encode(List<Shipment> shipments) {
        try {
            return MAPPER.writeValueAsString(shipments.stream().map(ShipmentDto::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write shipments as JSON", e);
        }
    }

    /**
     * Reads the UTF-8 JSON in {@code bytes} from {@code offset} on.
     *
     * @throws RuntimeException when it is not a list of valid shipments in this format
     */
    static List<Shipment> decode(byte[] bytes, int offset) {
        try {
            return MAPPER.readValue(bytes, offset, bytes.length - offset, LIST).stream()
                    .map(ShipmentDto::toShipment)
                    .toList();
        } catch (IOException | RuntimeException e) {
            // Neither the parser's message nor the domain's, nor the exception itself: they may quote the cached
            // value, names and phones included, and this failure is logged.
            throw new IllegalArgumentException("not a list of shipments in this format: " + e.getClass().getSimpleName()
                    + (e instanceof JsonProcessingException json && json.getLocation() != null
                            ? " at line " + json.getLocation().getLineNr() + ", column "
                                    + json.getLocation().getColumnNr()
                            : ""));
        }
    }
}
