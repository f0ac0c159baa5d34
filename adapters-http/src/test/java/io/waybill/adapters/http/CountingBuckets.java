package io.waybill.adapters.http;

import io.waybill.application.port.out.TokenBuckets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Buckets that never refill, so that tests count exactly: each grants its burst, then refuses for 1.5 s. */
final class CountingBuckets implements TokenBuckets {

    static final Duration RETRY_AFTER = Duration.ofMillis(1500);

    private final Map<String, Long> taken = new ConcurrentHashMap<>();

    @Override
    public Take take(String bucket, Limit limit) {
        long count = taken.merge(bucket, 1L, Long::sum);
        return count <= limit.burst()
                ? new Take(true, limit.burst() - count, Duration.ZERO)
                : new Take(false, 0, RETRY_AFTER);
    }

    List<String> names() {
        return List.copyOf(taken.keySet());
    }
}
