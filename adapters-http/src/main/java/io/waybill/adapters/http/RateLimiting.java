package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.TooManyRequestsResponse;
import io.waybill.application.port.out.TokenBuckets.Limit;
import io.waybill.application.port.out.TokenBuckets.Take;
import io.waybill.application.port.out.TokenBuckets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Limits the routes anyone may use: a token bucket per client address, or per API key for staff, taken from before
 * the route's handler runs. Every answer of a limited route says where its client stands, in the {@code RateLimit}
 * and {@code RateLimit-Policy} fields of draft-ietf-httpapi-ratelimit-headers-10 ({@code q} the burst, {@code w} the
 * seconds an empty bucket takes to fill, {@code r} the requests left, {@code t} the seconds until the bucket is full
 * again); past the limit, 429 with {@code Retry-After}. Only a valid key has a bucket of its own: a made-up key
 * counts against the address that sent it (and is refused by {@link Access} after). Thread-safe.
 */
final class RateLimiting {

    private final TokenBuckets buckets;
    private final ApiKeys keys;
    private final ClientAddress clients;
    private final Optional<RateLimitPolicy> publicPolicy;
    private final Optional<RateLimitPolicy> staffPolicy;

    RateLimiting(RateLimitSettings settings, TokenBuckets buckets, ApiKeys keys) {
        this.buckets = buckets;
        this.keys = keys;
        this.clients = new ClientAddress(TrustedProxies.parse(settings.trustedProxies()));
        this.publicPolicy = RateLimitPolicy.of("public", settings.perSecond(), settings.burst());
        this.staffPolicy = RateLimitPolicy.of("staff", settings.staffPerSecond(), settings.staffBurst());
    }

    /** {@code handler}, run only when its client is within its limit. */
    Handler limited(Handler handler) {
        if (publicPolicy.isEmpty() && staffPolicy.isEmpty()) {
            return handler;
        }
        return ctx -> {
            take(ctx);
            handler.handle(ctx);
        };
    }

    private void take(Context ctx) {
        Optional<String> key = validKey(ctx);
        Optional<RateLimitPolicy> policy = key.isPresent() ? staffPolicy : publicPolicy;
        if (policy.isEmpty()) {
            return;
        }
        // A key's digest, never the key, names its bucket: bucket names reach Redis, where tools show them.
        String bucket = key.map(valid -> "key:" + HexFormat.of().formatHex(ApiKeys.sha256(valid), 0, 16))
                .orElseGet(() -> "ip:" + clients.bucketOf(ctx));
        Limit limit = policy.get().limit();
        Take take = buckets.take(bucket, limit);
        long secondsToFull = (limit.burst() - take.remaining() + limit.perSecond() - 1) / limit.perSecond();
        ctx.header("RateLimit-Policy", policy.get().field());
        ctx.header("RateLimit", "\"" + policy.get().name() + "\";r=" + take.remaining() + ";t=" + secondsToFull);
        if (!take.granted()) {
            long retryAfter = Math.max(1, (take.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(retryAfter));
            throw new TooManyRequestsResponse("Too many requests from this client: " + limit.perSecond()
                    + " a second are allowed, in bursts of up to " + limit.burst() + "; retry in " + retryAfter + " s");
        }
    }

    /** The key the request carries, when it is one of staff's. */
    private Optional<String> validKey(Context ctx) {
        List<String> presented = Access.presentedKeys(ctx.header("Authorization"), ctx.header("X-API-Key"));
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        for (String key : presented) {
            if (!keys.matches(key)) {
                return Optional.empty();
            }
        }
        return Optional.of(presented.get(0));
    }
}
