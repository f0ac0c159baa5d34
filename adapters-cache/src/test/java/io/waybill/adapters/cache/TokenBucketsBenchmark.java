package io.waybill.adapters.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import com.sun.management.OperatingSystemMXBean;
import io.waybill.application.port.out.TokenBuckets.Limit;
import io.waybill.application.port.out.TokenBuckets;
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
import org.openjdk.jmh.infra.Blackhole;
import redis.clients.jedis.RedisClient;

/**
 * What a take from a rate-limit bucket adds to a request's CPU time, for 10,000 clients in turn, each far below its
 * default limit (50 a second, bursts of 100) as nearly all clients are: {@code request} burns about as much CPU as
 * a cached lookup does in the server ({@code work} units of JMH's {@link Blackhole#consumeCPU}), {@code limited}
 * does the same and takes a token, from a bucket in this process or shared in the Redis at
 * {@code WAYBILL_TEST_REDIS_URL} (the local one by default). The figure that counts is CPU time per operation, of
 * this whole process (the settlements run on a thread of their own) and of the Redis server: wall time would count
 * none of the settler's work. Run by {@code bench/limiter.sh}, not by the tests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class TokenBucketsBenchmark {

    private static final int CLIENTS = 10_000;
    private static final Limit DEFAULT = new Limit(50, 100);

    @Param({"in-process", "redis"})
    public String store;

    @Param({"10000"})
    public long work;

    private final String[] buckets = new String[CLIENTS];
    private Caches caches;
    private TokenBuckets tokenBuckets;
    private String prefix;
    private int next;

    /** CPU time of this process and of the Redis server, and the operations done meanwhile. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {

        private static final OperatingSystemMXBean OS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        public long cpuNanos;
        public long operations;
        private RedisClient redis;
        private long start;

        @Setup(Level.Trial)
        public void connect() {
            redis = TestRedis.client();
        }

        @TearDown(Level.Trial)
        public void disconnect() {
            redis.close();
        }

        @Setup(Level.Iteration)
        public void start() {
            start = now();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            cpuNanos += now() - start;
        }

        private long now() {
            double redisSeconds = 0;
            for (String line : redis.info("cpu").split("\r\n")) {
                if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                    redisSeconds += Double.parseDouble(line.substring(line.indexOf(':') + 1));
                }
            }
            return OS.getProcessCpuTime() + (long) (redisSeconds * 1e9);
        }
    }

    @Setup(Level.Trial)
    public void open() {
        for (int i = 0; i < CLIENTS; i++) {
            buckets[i] = "ip:10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
        }
        prefix = TestRedis.newPrefix();
        CacheSettings settings = TestRedis.settings(TestRedis.URL, prefix, Duration.ofHours(1), Duration.ofMinutes(1),
                Duration.ofMillis(500), Duration.ofSeconds(1), 0);
        caches = store.equals("redis") ? Caches.redis(TestRedis.URL, settings, Caches.STALE_LIMIT)
                : Caches.inProcess(CacheSettings.defaults(), Ticker.systemTicker());
        tokenBuckets = caches.tokenBuckets();
    }

    @TearDown(Level.Trial)
    public void close() {
        caches.close();
        try (RedisClient redis = TestRedis.client()) {
            TestRedis.deleteKeys(redis, prefix);
        }
    }

    /** The baseline: a request's work alone. */
    @Benchmark
    public void request(Cpu cpu) {
        cpu.operations++;
        Blackhole.consumeCPU(work);
    }

    @Benchmark
    public TokenBuckets.Take limited(Cpu cpu) {
        cpu.operations++;
        Blackhole.consumeCPU(work);
        TokenBuckets.Take take = tokenBuckets.take(buckets[next], DEFAULT);
        next = (next + 1) % CLIENTS;
        if (!take.granted()) {
            throw new IllegalStateException("refused: " + take);
        }
        return take;
    }
}
