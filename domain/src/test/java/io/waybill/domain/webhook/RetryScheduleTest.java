package io.waybill.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theStandardScheduleIsTheSpecificationsAfterTheImmediateFirstAttempt() {
        assertThat(RetrySchedule.STANDARD.delays()).containsExactly(Duration.ofSeconds(5),
                Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
                Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));
        assertThat(RetrySchedule.STANDARD.attempts()).isEqualTo(10);
    }

    @Test
    void parsesEveryUnit() {
        assertThat(RetrySchedule.parse(" 250ms, 1s,2m ,3h,1d").delays()).containsExactly(Duration.ofMillis(250),
                Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofHours(3), Duration.ofDays(1));
    }

    @Test
    void everyDelayIsUsedAfterTheFailureItFollows() {
        RetrySchedule schedule = RetrySchedule.parse("1s,2s");

        assertThat(schedule.after(1)).contains(Duration.ofSeconds(1));
        assertThat(schedule.after(2)).contains(Duration.ofSeconds(2));
        assertThat(schedule.after(3)).isEmpty();
        assertThat(schedule.attempts()).isEqualTo(3);
    }

    @Test
    void namesTheDelayThatIsNotOne() {
        assertThatThrownBy(() -> RetrySchedule.parse("1s,5x")).hasMessageContaining("'5x'");
        assertThatThrownBy(() -> RetrySchedule.parse("1s,,2s")).hasMessageContaining("''");
        assertThatThrownBy(() -> RetrySchedule.parse("-1s")).hasMessageContaining("'-1s'");
    }

    @Test
    void refusesAZeroDelaySinceTheFirstAttemptIsAlwaysImmediate() {
        assertThatThrownBy(() -> RetrySchedule.parse("0s,5s")).hasMessageContaining("'0s'")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> RetrySchedule.parse("5s,0ms")).hasMessageContaining("'0ms'");
    }

    @Test
    void readsOneDuration() {
        assertThat(RetrySchedule.duration("30d")).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> RetrySchedule.duration("30")).hasMessageContaining("'30'");
    }
}
