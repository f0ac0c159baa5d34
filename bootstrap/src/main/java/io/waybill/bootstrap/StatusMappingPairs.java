package io.waybill.bootstrap;

import io.waybill.domain.ShipmentStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The extra wordings of {@code WAYBILL_STATUS_MAPPING}: {@code wording=status} pairs separated by commas, such as
 * {@code handed over=received,zugestellt=delivered}, each status a canonical code. Blank pairs are skipped.
 */
final class StatusMappingPairs {

    private StatusMappingPairs() {}

    /** @throws IllegalArgumentException naming the pair or the status at fault */
    static Map<String, ShipmentStatus> parse(String text) {
        Map<String, ShipmentStatus> pairs = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            if (parts.length < 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("expected wording=status pairs separated by commas, such as"
                        + " 'handed over=received,zugestellt=delivered'; got '" + pair.strip() + "'");
            }
            pairs.put(parts[0], ShipmentStatus.parse(parts[1].strip()));
        }
        return pairs;
    }
}
