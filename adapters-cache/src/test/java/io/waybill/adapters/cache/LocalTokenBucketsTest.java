package io.waybill.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.out.TokenBuckets.Limit;
import io.waybill.application.port.out.TokenBuckets.Take;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket's arithmetic, on a clock of the test's own. */
class LocalTokenBucketsTest {

    private static final Limit FIVE_A_SECOND = new Limit(5, 10);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LocalTokenBuckets buckets = new LocalTokenBuckets(1000, now::get);

    @Test
    void aNewBucketGrantsItsBurstThenRefusesUntilTheNextTokenIsDue() {
        for (int i = 1; i <= 10; i++) {
            Take take = buckets.take("client", FIVE_A_SECOND);
            assertThat(take.granted()).as("take %d", i).isTrue();
            assertThat(take.remaining()).isEqualTo(10 - i);
        }
        Take refused = buckets.take("client", FIVE_A_SECOND);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(200));

        advance(199);
        assertThat(buckets.take("client", FIVE_A_SECOND).retryAfter()).isEqualTo(Duration.ofMillis(1));
        advance(1);
        assertThat(buckets.take("client", FIVE_A_SECOND).granted()).isTrue();
        assertThat(buckets.take("client", FIVE_A_SECOND).granted()).isFalse();
    }

    @Test
    void takersAtOnceShareOneBucketWithoutATokenTooMany() throws InterruptedException {
        Limit hundred = new Limit(1, 100);
        AtomicLong granted = new AtomicLong();
        List<Thread> takers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread taker = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    if (buckets.take("client", hundred).granted()) {
                        granted.incrementAndGet();
                    }
                }
            });
            taker.start();
            takers.add(taker);
        }
        for (Thread taker : takers) {
            taker.join();
        }
        assertThat(granted).hasValue(100); // the clock stands still: the burst, exactly
    }

    @Test
    void eachBucketIsItsOwn() {
        for (int i = 0; i < 10; i++) {
            buckets.take("busy", FIVE_A_SECOND);
        }
        assertThat(buckets.take("busy", FIVE_A_SECOND).granted()).isFalse();
        assertThat(buckets.take("quiet", FIVE_A_SECOND).granted()).isTrue();
    }

    @Test
    void aBucketRefillsNoFurtherThanItsBurst() {
        for (int i = 0; i < 10; i++) {
            buckets.take("client", FIVE_A_SECOND);
        }
        advance(TimeUnit.HOURS.toMillis(1));
        int granted = 0;
        while (buckets.take("client", FIVE_A_SECOND).granted()) {
            granted++;
        }
        assertThat(granted).isEqualTo(10);
    }

    @Test
    void aBucketUnusedForAMinuteAndFullAgainIsForgottenSoMemoryFollowsTheActiveClients() {
        buckets.take("client", FIVE_A_SECOND);
        Limit slow = new Limit(1, 100);
        for (int i = 0; i < 100; i++) {
            buckets.take("other", slow);
        }
        advance(30_000);
        buckets.cleanUp();
        assertThat(buckets.size()).as("within the minute, both stay").isEqualTo(2);
        advance(35_000); // Caffeine's expiry runs to about a second
        buckets.cleanUp();
        assertThat(buckets.size()).as("the bucket full again after 200 ms is gone; the one 35 s short stays")
                .isEqualTo(1);
        assertThat(buckets.take("other", slow).remaining()).isEqualTo(64);
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
