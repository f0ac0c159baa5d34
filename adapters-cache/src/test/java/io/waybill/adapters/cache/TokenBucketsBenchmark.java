package io.waybill.adapters.cache;

import io.waybill.application.port.out.TokenBuckets;
import io.waybill.application.port.out.TokenBuckets.Limit;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import redis.clients.jedis.RedisClient;

/**
 * What one take from a rate-limit bucket costs, in nanoseconds of the requesting thread (waiting on Redis included),
 * for 10,000 clients in turn, each far from its limit as nearly all clients are: in this process, and shared in the
 * Redis at {@code WAYBILL_TEST_REDIS_URL} (by default the local one), where a call leases a quarter of a burst. Run by
 * {@code bench/limiter.sh}, not by the tests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class TokenBucketsBenchmark {

    private static final int CLIENTS = 10_000;
    /** The default burst, refilled faster than any take: every take finds its client far from the limit. */
    private static final Limit FAR_FROM_THE_LIMIT = new Limit(1_000_000_000, 100);

    @Param({"in-process", "redis"})
    public String store;

    private final String[] buckets = new String[CLIENTS];
    private Caches caches;
    private TokenBuckets tokenBuckets;
    private String prefix;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        for (int i = 0; i < CLIENTS; i++) {
            buckets[i] = "ip:10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
        }
        prefix = TestRedis.newPrefix();
        CacheSettings settings = TestRedis.settings(TestRedis.URL, prefix, Duration.ofHours(1), Duration.ofMinutes(1),
                Duration.ofMillis(500), Duration.ofSeconds(1), 0);
        caches = store.equals("redis") ? Caches.redis(TestRedis.URL, settings, Caches.STALE_LIMIT)
                : Caches.inProcess(CacheSettings.defaults(), com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        tokenBuckets = caches.tokenBuckets();
    }

    @TearDown(Level.Trial)
    public void close() {
        caches.close();
        try (RedisClient redis = TestRedis.client()) {
            TestRedis.deleteKeys(redis, prefix);
        }
    }

    /**
     * The whole process's CPU time, since a shared bucket's settlements run on a thread of their own: {@code cpuNanos}
     * over {@code takes} is the CPU a take costs, wherever it is spent (JMH's own threads and the JIT included, so a
     * little more than the takes').
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {

        private static final OperatingSystemMXBean OS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        public long cpuNanos;
        public long takes;
        private long start;

        @Setup(Level.Iteration)
        public void start() {
            start = OS.getProcessCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            cpuNanos += OS.getProcessCpuTime() - start;
        }
    }

    @Benchmark
    public TokenBuckets.Take take(Cpu cpu) {
        cpu.takes++;
        TokenBuckets.Take take = tokenBuckets.take(buckets[next], FAR_FROM_THE_LIMIT);
        next = (next + 1) % CLIENTS;
        if (!take.granted()) {
            throw new IllegalStateException("refused: " + take);
        }
        return take;
    }
}
