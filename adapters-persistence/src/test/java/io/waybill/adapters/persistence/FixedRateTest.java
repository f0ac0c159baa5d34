package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixedRateTest {

    private static final Instant DUE = Instant.parse("2026-12-06T10:00:00Z");
    private static final FixedRate EVERY_TEN_MINUTES = new FixedRate(Duration.ofMinutes(10));

    @Test
    void theNextRunIsOneIntervalAfterTheLastWasDueHoweverLateItStarted() {
        assertThat(next(DUE.plusSeconds(7), DUE.plusSeconds(9))).isEqualTo(DUE.plus(Duration.ofMinutes(10)));
    }

    @Test
    void slotsPassedDuringALongRunOrADowntimeAreSkipped() {
        assertThat(next(DUE, DUE.plus(Duration.ofMinutes(25)))).as("a run of 25 minutes")
                .isEqualTo(DUE.plus(Duration.ofMinutes(30)));
        assertThat(next(DUE.plus(Duration.ofHours(5)), DUE.plus(Duration.ofHours(5)).plusSeconds(1)))
                .as("a run due five hours ago, while every instance was down")
                .isEqualTo(DUE.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(10)));
        assertThat(next(DUE, DUE.plus(Duration.ofMinutes(20)))).as("ending on a slot").isEqualTo(
                DUE.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aJobNeverRunIsDueAtOnce() {
        Instant now = Instant.parse("2026-12-06T10:03:04Z");

        assertThat(EVERY_TEN_MINUTES.getInitialExecutionTime(now)).isEqualTo(now);
        assertThat(EVERY_TEN_MINUTES.getNextExecutionTime(ExecutionComplete.simulatedSuccess(now)))
                .isEqualTo(now.plus(Duration.ofMinutes(10)));
    }

    @Test
    void theIntervalIsPositive() {
        assertThatThrownBy(() -> new FixedRate(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant next(Instant started, Instant done) {
        Execution run = new Execution(DUE, new TaskInstance<>("job", "recurring"));
        return EVERY_TEN_MINUTES.getNextExecutionTime(ExecutionComplete.success(run, started, done));
    }
}
