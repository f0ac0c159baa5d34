package io.waybill.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** JsonTimes writes by hand what the ISO formatters write, so it is checked against them. */
class JsonTimesTest {

    private static final List<Integer> NANOS = List.of(0, 1, 120, 1_000, 100_000_000, 123_000_000, 123_400_000,
            123_456_000, 123_456_789, 999_999_999);
    private static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(8),
            ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHoursMinutesSeconds(5, 45, 30), ZoneOffset.MAX,
            ZoneOffset.MIN);

    @Test
    void writesInstantsAsIsoInstant() {
        assertThat(JsonTimes.of(Instant.parse("2026-11-21T10:00:00.123Z"))).isEqualTo("2026-11-21T10:00:00.123Z");
        assertThat(JsonTimes.of(Instant.parse("2026-11-21T10:00:00.100Z"))).isEqualTo("2026-11-21T10:00:00.100Z");
        List<Instant> instants = instants();
        instants.add(Instant.MIN);
        instants.add(Instant.MAX);
        for (Instant instant : instants) {
            assertThat(JsonTimes.of(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
        }
    }

    @Test
    void writesOffsetTimesAsIsoOffsetDateTime() {
        assertThat(JsonTimes.of(OffsetDateTime.parse("2018-11-20T19:29:32+08:00")))
                .isEqualTo("2018-11-20T19:29:32+08:00");
        assertThat(JsonTimes.of(OffsetDateTime.parse("2018-11-20T19:29:00.500Z"))).isEqualTo("2018-11-20T19:29:00.5Z");
        for (Instant instant : instants()) {
            for (ZoneOffset offset : OFFSETS) {
                OffsetDateTime time = instant.atOffset(offset);
                assertThat(JsonTimes.of(time)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
            }
        }
    }

    /** Each kind of fraction at the edges of the four-digit years, past them, and at random seconds between. */
    private static List<Instant> instants() {
        List<Instant> seconds = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("9999-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("2024-02-29T23:59:00Z"),
                Instant.parse("-2000-06-01T12:00:00Z"), Instant.parse("+123456-06-01T12:00:00Z")));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            seconds.add(Instant.ofEpochSecond(random.nextLong(-62_167_219_200L - 86_400, 253_402_300_800L + 86_400)));
        }
        List<Instant> instants = new ArrayList<>();
        for (Instant second : seconds) {
            for (int nano : NANOS) {
                instants.add(second.plusNanos(nano));
            }
        }
        return instants;
    }
}
