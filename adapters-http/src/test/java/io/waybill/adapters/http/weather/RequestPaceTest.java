package io.waybill.adapters.http.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestPaceTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void letsABurstThroughThenSpacesRequestsToTheRate() {
        RequestPace pace = new RequestPace(60, 3); // one a second
        long t0 = 1_000 * SECOND;
        pace.reserve(t0 - 100 * SECOND); // start with a full bucket long ago

        assertThat(pace.reserve(t0)).isZero();
        assertThat(pace.reserve(t0)).isZero();
        assertThat(pace.reserve(t0)).isZero();
        assertThat(pace.reserve(t0)).isEqualTo(SECOND);
        assertThat(pace.reserve(t0)).isEqualTo(2 * SECOND);
    }

    @Test
    void refillsAtTheRateUpToTheBurstOnly() {
        RequestPace pace = new RequestPace(60, 2);
        long t0 = 1_000 * SECOND;
        pace.reserve(t0 - 100 * SECOND);
        pace.reserve(t0);
        pace.reserve(t0);

        assertThat(pace.reserve(t0 + SECOND)).as("one earned in a second").isZero();
        assertThat(pace.reserve(t0 + SECOND + SECOND / 2)).as("half a second to the next").isEqualTo(SECOND / 2);
        assertThat(pace.reserve(t0 + 60 * SECOND)).isZero();
        assertThat(pace.reserve(t0 + 60 * SECOND)).isZero();
        assertThat(pace.reserve(t0 + 60 * SECOND)).as("no more than the burst after a long rest").isEqualTo(SECOND);
    }
}
