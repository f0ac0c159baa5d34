package io.waybill.domain;

import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A tracking event's id, unique within its shipment. Clients may choose it, to make sending an event again safe;
 * otherwise Waybill makes one.
 */
public record EventId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public EventId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "must be 1 to 100 letters, digits, '.', '_', ':' or '-'; got " + Text.quote(value));
        }
    }

    /** A new random id, {@code ev-} and a version-4 UUID. */
    public static EventId random(RandomGenerator random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new EventId("ev-" + new UUID(high, low));
    }

    @Override
    public String toString() {
        return value;
    }
}
