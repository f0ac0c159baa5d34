package io.waybill.adapters.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.out.TokenBuckets.Limit;
import org.junit.jupiter.api.Test;

/** One client's bucket as one instance sees it, without Redis: what it grants on credit and what it tells Redis. */
class SharedBucketTest {

    private static final Limit LIMIT = new Limit(10, 20); // a credit of 5

    @Test
    void aTokenGrantedFromTheLocalBucketWhileRedisIsSlowIsToldToRedisWithTheRest() {
        SharedBucket bucket = new SharedBucket("client", LIMIT, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.take(0).take().granted()).isTrue();
        }
        assertThat(bucket.take(0).take()).as("the credit is spent: the request waits").isNull();

        bucket.grantedLocally();

        assertThat(bucket.claim().used()).isEqualTo(6);
        assertThat(bucket.claim().used()).as("told once").isZero();
    }

    @Test
    void creditIsRenewedOnceDownToAQuarterNotBefore() {
        SharedBucket bucket = new SharedBucket("client", new Limit(50, 100), 25);
        int takesBeforeRenewal = 0;
        while (!bucket.take(0).enqueue()) {
            takesBeforeRenewal++;
        }
        assertThat(takesBeforeRenewal).as("25 down to 6: the 19th take asks for a settlement").isEqualTo(18);
    }
}
