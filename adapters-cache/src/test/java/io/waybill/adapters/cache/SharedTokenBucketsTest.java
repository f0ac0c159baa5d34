package io.waybill.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.out.TokenBuckets;
import io.waybill.application.port.out.TokenBuckets.Limit;
import io.waybill.application.port.out.TokenBuckets.Take;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Rate-limit buckets in a real Redis: shared by instances on one prefix, and kept locally while Redis is cut off. */
class SharedTokenBucketsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(250);
    private static final Duration RETRY_AFTER = Duration.ofMillis(200);
    /** A behaviour check, not a benchmark: a take must not wait on a Redis that is gone for long. */
    private static final Duration PROMPT = Duration.ofMillis(1500);
    private static final Limit ONE_A_SECOND = new Limit(1, 10);

    private final List<Caches> opened = new ArrayList<>();
    private RedisClient redis;
    private String prefix;
    private TcpProxy proxy;

    @BeforeEach
    void start() throws IOException {
        redis = TestRedis.client();
        prefix = TestRedis.newPrefix();
        proxy = new TcpProxy(TestRedis.URL.getHost(), CacheSettings.port(TestRedis.URL));
    }

    @AfterEach
    void stop() {
        opened.forEach(Caches::close);
        proxy.close();
        TestRedis.deleteKeys(redis, prefix);
        redis.close();
    }

    private TokenBuckets open(URI url) {
        Caches caches = Caches.redis(url, TestRedis.settings(url, prefix, Duration.ofHours(1), Duration.ofMinutes(1),
                TIMEOUT, RETRY_AFTER, 0), Caches.STALE_LIMIT);
        opened.add(caches);
        return caches.tokenBuckets();
    }

    @Test
    void twoInstancesOnOnePrefixShareEachBucketSoTheLimitHoldsInTotal() {
        TokenBuckets first = open(TestRedis.URL);
        TokenBuckets second = open(TestRedis.URL);
        long started = System.nanoTime();
        int granted = 0;
        for (int i = 0; i < 40; i++) {
            granted += (i % 2 == 0 ? first : second).take("client", ONE_A_SECOND).granted() ? 1 : 0;
        }
        long refilled = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
        assertThat(granted).as("a burst of 10, and a token a second").isBetween(10, 10 + (int) refilled);
        assertThat(first.take("another client", ONE_A_SECOND).granted()).isTrue();
    }

    @Test
    void aBucketIsOneKeyUnderThePrefixThatExpiresOnceFullAgain() {
        open(TestRedis.URL).take("client", ONE_A_SECOND);
        String key = prefix + "ratelimit:v1:client";
        assertThat(redis.hget(key, "tokens")).isEqualTo("9");
        assertThat(redis.pttl(key)).isBetween(1L, 2_000L + 1_000L);
    }

    @Test
    void aRefusalSaysWhenTheNextTokenIsDue() {
        TokenBuckets buckets = open(TestRedis.URL);
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.take("client", ONE_A_SECOND).granted()).isTrue();
        }
        Take refused = buckets.take("client", ONE_A_SECOND);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofMillis(1), Duration.ofSeconds(1));
    }

    @Test
    void whileRedisIsCutOffEachInstanceLimitsOnItsOwnPromptlyAndSharesAgainAfter() {
        TokenBuckets buckets = open(proxy.url());
        buckets.take("client", ONE_A_SECOND);
        assertThat(redis.exists(prefix + "ratelimit:v1:client")).isTrue();

        proxy.cut();
        // The local bucket starts full: an outage hands a client a fresh burst, never a refusal of its own making.
        for (int i = 0; i < 10; i++) {
            assertThat(promptTake(buckets, "client").granted()).as("take %d while cut off", i).isTrue();
        }
        assertThat(promptTake(buckets, "client").granted()).as("past the local burst").isFalse();

        proxy.restore();
        Poll.until("a take reaches Redis again", () -> {
            buckets.take("newcomer", ONE_A_SECOND);
            return redis.exists(prefix + "ratelimit:v1:newcomer");
        }, Duration.ofSeconds(10));
    }

    @Test
    void whileRedisIsSilentTakesAreAnsweredPromptly() {
        TokenBuckets buckets = open(proxy.url());
        buckets.take("client", ONE_A_SECOND);
        proxy.blackhole();
        for (int i = 0; i < 5; i++) {
            assertThat(promptTake(buckets, "client " + i).granted()).isTrue();
        }
    }

    private static Take promptTake(TokenBuckets buckets, String bucket) {
        long started = System.nanoTime();
        Take take = buckets.take(bucket, ONE_A_SECOND);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPT);
        return take;
    }
}
