package io.waybill.adapters.cache;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.waybill.domain.CarrierTrackingNumber;
import java.util.Arrays;
import java.util.List;

/**
 * What Redis's reports of changed keys mean for the near cache: each key of the namespace evicts its number, and a
 * flush of the database, a report without keys, evicts everything. Thread-safe as the near cache is.
 */
final class InvalidationReports {

    private static final byte[] MESSAGE = "message".getBytes(UTF_8);

    private final String namespace;
    private final NearCache near;

    InvalidationReports(String namespace, NearCache near) {
        this.namespace = namespace;
        this.near = near;
    }

    /** Evicts what {@code reply} reports changed; ignores any other reply, such as a ping's answer. */
    // A report is ["message", channel, keys], where keys is null for a flush; the pings' answers are ["pong", ""].
    void handle(Object reply) {
        if (!(reply instanceof List<?> parts) || parts.size() != 3 || !(parts.get(0) instanceof byte[] kind)
                || !Arrays.equals(kind, MESSAGE)) {
            return;
        }
        if (!(parts.get(2) instanceof List<?> keys)) {
            near.evictAll();
            return;
        }
        for (Object key : keys) {
            String name = new String((byte[]) key, UTF_8);
            if (name.startsWith(namespace)) {
                try {
                    near.evict(new CarrierTrackingNumber(name.substring(namespace.length())));
                } catch (IllegalArgumentException notANumber) {
                    // a key of the namespace that this cache never writes, so never holds
                }
            }
        }
    }
}
