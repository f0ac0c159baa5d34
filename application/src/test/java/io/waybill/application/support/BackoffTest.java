package io.waybill.application.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(4));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheLongest() {
        assertThat(IntStream.of(1, 2, 3, 4, 5, 50, Integer.MAX_VALUE).mapToObj(backoff::after)).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(4), Duration.ofMinutes(4), Duration.ofMinutes(4));
    }

    @Test
    void refusesANonPositiveFirstWaitALongestBelowItAndNoFailure() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.after(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
