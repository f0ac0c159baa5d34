package io.waybill.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.contract.Poll;
import io.waybill.application.contract.TcpProxy;
import io.waybill.application.port.out.TokenBuckets.Limit;
import io.waybill.application.port.out.TokenBuckets.Take;
import io.waybill.application.port.out.TokenBuckets;
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

    private CacheSettings settings(URI url) {
        return TestRedis.settings(url, prefix, Duration.ofHours(1), Duration.ofMinutes(1), TIMEOUT, RETRY_AFTER, 0);
    }

    private TokenBuckets open(URI url) {
        return open(url, settings(url));
    }

    private TokenBuckets open(URI url, CacheSettings settings) {
        Caches caches = Caches.redis(url, settings, Caches.STALE_LIMIT);
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
        assertThat(granted).as("a burst of 10, a token a second, and a token an instance near the limit")
                .isBetween(10, 10 + 2 + (int) refilled);
        assertThat(first.take("another client", ONE_A_SECOND).granted()).isTrue();
    }

    @Test
    void aClientNewHereIsGrantedOnCreditAtOnceAndCountedInRedisByASettlement() {
        TokenBuckets buckets = open(TestRedis.URL);
        assertThat(buckets.take("client", ONE_A_SECOND).granted()).isTrue();
        String key = prefix + "ratelimit:v1:client";
        Poll.until("the settlement reaches Redis", () -> redis.exists(key), Duration.ofSeconds(5));
        assertThat(redis.hget(key, "tokens")).as("10, less the token used on credit").isEqualTo("9");
        assertThat(redis.pttl(key)).as("full again in a second, plus a second").isBetween(1L, 2_000L);
    }

    @Test
    void warmInstancesTogetherExceedABurstByTheirCreditsAtMost() {
        Limit limit = new Limit(10, 20); // a credit of 5 an instance
        List<TokenBuckets> instances = List.of(open(TestRedis.URL), open(TestRedis.URL), open(TestRedis.URL));
        String key = prefix + "ratelimit:v1:client";
        // Four takes each bring an instance's credit of 5 to a token, which sends a settlement.
        instances.forEach(instance -> {
            for (int i = 0; i < 4; i++) {
                instance.take("client", limit);
            }
        });
        Poll.until("every instance's take is counted", () -> redis.exists(key), Duration.ofSeconds(5));
        Poll.until("the bucket is full again, and its key gone", () -> !redis.exists(key), Duration.ofSeconds(10));

        long started = System.nanoTime();
        int granted = 0;
        for (int i = 0; i < 150; i++) {
            granted += instances.get(i % 3).take("client", limit).granted() ? 1 : 0;
        }
        long refilled = 10 * (Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000 + 1);
        assertThat(granted).as("a burst of 20, 3 credits of 5, and 10 tokens a second")
                .isBetween(20, 35 + (int) refilled);
    }

    @Test
    void aSettlementCountsTheTokensUsedAndSaysWhatIsLeft() {
        Limit limit = new Limit(1, 100);
        try (RedisBuckets buckets = RedisBuckets.connect(TestRedis.URL, settings(TestRedis.URL))) {
            assertThat(buckets.settle(List.of(new BucketClaim("client", limit, 30))))
                    .containsExactly(new BucketBalance(70, 0));
            // A token a second of refill cannot change a floor in the milliseconds this takes.
            assertThat(buckets.settle(List.of(new BucketClaim("client", limit, 0))))
                    .containsExactly(new BucketBalance(70, 0));
        }
    }

    @Test
    void tokensUsedAreCountedEvenBelowZeroAndTheDebtIsWaitedOff() {
        Limit limit = new Limit(1, 10);
        try (RedisBuckets buckets = RedisBuckets.connect(TestRedis.URL, settings(TestRedis.URL))) {
            List<BucketBalance> left = buckets.settle(List.of(
                    new BucketClaim("debtor", limit, 13), new BucketClaim("other", limit, 0)));
            assertThat(left.get(0)).as("4 tokens to wait for at 1 a second").isEqualTo(new BucketBalance(-3, 4_000));
            assertThat(left.get(1)).as("each bucket of a settlement on its own").isEqualTo(new BucketBalance(10, 0));
        }
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
        Poll.until("the settlement reaches Redis", () -> redis.exists(prefix + "ratelimit:v1:client"),
                Duration.ofSeconds(5));

        proxy.cut();
        // The local bucket starts full: an outage hands a client a fresh burst, never a refusal of its own making.
        // What credit the instance still holds (2 tokens at most) may come first.
        int granted = 0;
        while (granted < 20 && promptTake(buckets, "client").granted()) {
            granted++;
        }
        assertThat(granted).as("granted while cut off: the local burst, and the credit").isBetween(10, 12);

        proxy.restore();
        Poll.until("a take reaches Redis again", () -> {
            buckets.take("newcomer", ONE_A_SECOND);
            return redis.exists(prefix + "ratelimit:v1:newcomer");
        }, Duration.ofSeconds(10));
    }

    @Test
    void aRequestThatOutwaitsASlowSettlementTakesLocallyWhileEveryOtherStillSharesTheBucketsInRedis() {
        // Requests wait for a settlement 100 ms at most (two timeouts); a settlement may take a second. Were Redis
        // given up on, it would be for a minute.
        TokenBuckets buckets = open(proxy.url(), TestRedis.settings(proxy.url(), prefix, Duration.ofHours(1),
                Duration.ofMinutes(1), Duration.ofMillis(50), Duration.ofMinutes(1), 0));
        buckets.take("client", ONE_A_SECOND); // a credit of 2: the first take sends a settlement
        Poll.until("the settlement reaches Redis", () -> redis.exists(prefix + "ratelimit:v1:client"),
                Duration.ofSeconds(5));

        proxy.stall();
        // The credit's 2 tokens, the first of which sends a settlement that stalls, then a take that waits for it.
        for (int i = 0; i < 3; i++) {
            assertThat(promptTake(buckets, "client").granted()).as("take %d; the local bucket starts full", i).isTrue();
        }
        proxy.restore();

        Poll.until("the stalled settlement ends and the next one of a new client reaches Redis", () -> {
            buckets.take("newcomer", ONE_A_SECOND);
            return redis.exists(prefix + "ratelimit:v1:newcomer");
        }, Duration.ofSeconds(5));
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
