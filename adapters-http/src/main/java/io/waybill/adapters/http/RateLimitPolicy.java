package io.waybill.adapters.http;

import io.waybill.application.port.out.TokenBuckets.Limit;
import java.util.Optional;

/**
 * One kind of client's limit, public or staff, and its {@code RateLimit-Policy} header field, written once: the
 * burst as the quota and the seconds a bucket takes to fill as the window.
 */
record RateLimitPolicy(String name, Limit limit, String field) {

    /** Empty when {@code perSecond} is 0: no limit. */
    static Optional<RateLimitPolicy> of(String name, int perSecond, int burst) {
        if (perSecond == 0) {
            return Optional.empty();
        }
        Limit limit = new Limit(perSecond, burst);
        return Optional.of(new RateLimitPolicy(name, limit,
                "\"" + name + "\";q=" + burst + ";w=" + limit.secondsToFill()));
    }
}
