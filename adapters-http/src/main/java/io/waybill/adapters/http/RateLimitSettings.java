package io.waybill.adapters.http;

import java.util.List;
import java.util.Objects;

/**
 * Limits on the routes anyone may use (the tracking-number generator and the lookups of one shipment): a token
 * bucket per client address of {@code perSecond} requests a second and bursts of {@code burst}; a bucket per API key
 * of {@code staffPerSecond} and {@code staffBurst} for staff's requests on the same routes. A rate of 0 turns that
 * limit off. {@code trustedProxies} (addresses or CIDR networks) are the proxies whose {@code X-Forwarded-For} is
 * believed; none by default.
 */
public record RateLimitSettings(int perSecond, int burst, int staffPerSecond, int staffBurst,
        List<String> trustedProxies) {

    public static final int DEFAULT_PER_SECOND = 50;
    public static final int DEFAULT_BURST = 100;
    public static final int DEFAULT_STAFF_PER_SECOND = 1000;
    public static final int DEFAULT_STAFF_BURST = 2000;

    /** No limits at all: for embedding applications and tests. */
    public static final RateLimitSettings OFF = new RateLimitSettings(0, 1, 0, 1, List.of());

    public RateLimitSettings {
        if (perSecond < 0 || staffPerSecond < 0) {
            throw new IllegalArgumentException("a rate must be at least 0 (0 turns the limit off); got " + perSecond
                    + " and " + staffPerSecond);
        }
        if (burst < 1 || staffBurst < 1) {
            throw new IllegalArgumentException("a burst must be at least 1; got " + burst + " and " + staffBurst);
        }
        trustedProxies = List.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies"));
        TrustedProxies.parse(trustedProxies); // refuses what is not an address or a network
    }

    /** The defaults: 50 a second with bursts of 100 per address, 1000 and 2000 per key, no trusted proxy. */
    public static RateLimitSettings defaults() {
        return new RateLimitSettings(DEFAULT_PER_SECOND, DEFAULT_BURST, DEFAULT_STAFF_PER_SECOND, DEFAULT_STAFF_BURST,
                List.of());
    }
}
