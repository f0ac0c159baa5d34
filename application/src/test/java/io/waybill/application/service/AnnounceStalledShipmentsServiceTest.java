package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AnnounceStalledShipmentsServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void asksForTheShipmentsWithNothingRecordedForTheStalledDays() {
        RecordingStore store = new RecordingStore() {};

        new AnnounceStalledShipmentsService(store, 3, Clock.fixed(NOW, ZoneOffset.UTC)).announce();

        assertThat(store.outcomes).containsExactly("stalled before 2026-12-03T08:00:00Z");
    }

    @Test
    void refusesLessThanADay() {
        assertThatThrownBy(() -> new AnnounceStalledShipmentsService(new RecordingStore() {}, 0, Clock.systemUTC()))
                .hasMessageContaining("at least 1");
    }
}
