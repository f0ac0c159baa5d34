package io.waybill.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CronCalendarTest {

    private static final CronCalendar THREE_A_DAY = CronCalendar.parse("0 0,8,16 * * *", ZoneOffset.UTC);

    @Test
    void sixFieldsBeginWithTheSeconds() {
        CronCalendar halfPastEight = CronCalendar.parse("30 0 8 * * *", ZoneOffset.UTC);

        assertThat(halfPastEight.next(Instant.parse("2026-12-06T08:00:00Z")))
                .contains(Instant.parse("2026-12-06T08:00:30Z"));
        assertThat(halfPastEight.latest(Instant.parse("2026-12-06T08:00:29Z")))
                .contains(Instant.parse("2026-12-05T08:00:30Z"));
    }

    @Test
    void theDefaultHasFiveFieldsAndRunsAtZeroEightAndSixteen() {
        assertThat(THREE_A_DAY.next(Instant.parse("2026-12-06T07:59:59Z")))
                .contains(Instant.parse("2026-12-06T08:00:00Z"));
        assertThat(THREE_A_DAY.next(Instant.parse("2026-12-06T16:00:00Z")))
                .as("strictly after").contains(Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(THREE_A_DAY.next(Instant.parse("2026-12-06T08:00:00.500Z")))
                .contains(Instant.parse("2026-12-06T16:00:00Z"));
    }

    @Test
    void fiveFieldsBeginWithTheMinuteAndRunOnIt() {
        CronCalendar quarterly = CronCalendar.parse("*/15 * * * *", ZoneOffset.UTC);

        assertThat(quarterly.next(Instant.parse("2026-12-06T08:00:00Z")))
                .contains(Instant.parse("2026-12-06T08:15:00Z"));
        assertThat(quarterly.latest(Instant.parse("2026-12-06T08:29:59.999Z")))
                .contains(Instant.parse("2026-12-06T08:15:00Z"));
    }

    @Test
    void theLatestTimeIsAtOrBefore() {
        assertThat(THREE_A_DAY.latest(Instant.parse("2026-12-06T08:00:00Z")))
                .as("a time itself").contains(Instant.parse("2026-12-06T08:00:00Z"));
        assertThat(THREE_A_DAY.latest(Instant.parse("2026-12-06T08:00:00.999Z")))
                .contains(Instant.parse("2026-12-06T08:00:00Z"));
        assertThat(THREE_A_DAY.latest(Instant.parse("2026-12-06T07:59:59.999Z")))
                .contains(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(THREE_A_DAY.latest(Instant.parse("2026-12-06T00:00:00Z").minusNanos(1)))
                .as("across midnight").contains(Instant.parse("2026-12-05T16:00:00Z"));
    }

    @Test
    void timesAreLocalToTheZoneAcrossDaylightSavingTime() {
        CronCalendar berlin = CronCalendar.parse("0 0 8 * * *", ZoneId.of("Europe/Berlin"));

        // 08:00 in Berlin is 07:00 UTC in winter and 06:00 UTC in summer; the clocks went forward on 2026-03-29.
        assertThat(berlin.next(Instant.parse("2026-03-28T12:00:00Z"))).contains(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(berlin.next(Instant.parse("2026-12-06T00:00:00Z"))).contains(Instant.parse("2026-12-06T07:00:00Z"));
    }

    @Test
    void aLocalTimeThatDoesNotExistIsSkippedAndOneThatHappensTwiceCountsOnce() {
        CronCalendar halfPastTwo = CronCalendar.parse("30 2 * * *", ZoneId.of("Europe/Berlin"));

        // 2026-03-29: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist.
        assertThat(halfPastTwo.next(Instant.parse("2026-03-28T12:00:00Z"))).as("no 02:30 that night")
                .contains(Instant.parse("2026-03-30T00:30:00Z"));
        // 2026-10-25: 03:00 CEST falls back to 02:00 CET, so 02:30 comes twice, at 00:30 and 01:30 UTC.
        assertThat(halfPastTwo.next(Instant.parse("2026-10-24T12:00:00Z")))
                .contains(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(halfPastTwo.next(Instant.parse("2026-10-25T00:30:00Z"))).as("once that night")
                .contains(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void namesAndSundayAsSevenAreTaken() {
        CronCalendar mondays = CronCalendar.parse("0 9 * * MON", ZoneOffset.UTC);
        CronCalendar sundays = CronCalendar.parse("0 9 * * 7", ZoneOffset.UTC);

        // 2026-12-06 is a Sunday.
        assertThat(mondays.next(Instant.parse("2026-12-06T00:00:00Z"))).contains(Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(sundays.next(Instant.parse("2026-12-06T00:00:00Z"))).contains(Instant.parse("2026-12-06T09:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "* * * *", "0 0 0 * * * *", "61 * * * *", "0 25 * * *", "a b c d e",
            "0 0 0 31 2 *"})
    void refusesWhatIsNotACronExpressionOfFiveOrSixFields(String expression) {
        assertThatThrownBy(() -> CronCalendar.parse(expression, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cron expression");
    }

    @Test
    void equalWhenTheExpressionAndZoneAre() {
        assertThat(CronCalendar.parse(" 0 0,8,16 * * * ", ZoneOffset.UTC)).isEqualTo(THREE_A_DAY)
                .hasToString("cron \"0 0,8,16 * * *\" in Z");
        assertThat(CronCalendar.parse("0 0,8,16 * * *", ZoneId.of("Europe/Berlin"))).isNotEqualTo(THREE_A_DAY);
    }
}
