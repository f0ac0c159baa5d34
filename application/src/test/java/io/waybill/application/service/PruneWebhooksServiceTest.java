package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class PruneWebhooksServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void deletesBatchAfterBatchUntilOneFindsNothing() {
        Queue<Integer> batches = new ArrayDeque<>(List.of(500, 500, 3, 0, 99));
        List<String> asked = new ArrayList<>();
        RecordingStore store = new RecordingStore() {
            @Override
            public int prune(Instant before, int limit) {
                asked.add(before + " " + limit);
                return batches.remove();
            }
        };

        int deleted = new PruneWebhooksService(store, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC)).prune();

        assertThat(deleted).isEqualTo(1003);
        assertThat(asked).hasSize(4).allMatch(line -> line.equals("2026-11-06T08:00:00Z 500"));
    }

    @Test
    void refusesANonPositiveRetention() {
        assertThatThrownBy(() -> new PruneWebhooksService(new RecordingStore() {}, Duration.ZERO, Clock.systemUTC()))
                .hasMessageContaining("positive");
    }
}
