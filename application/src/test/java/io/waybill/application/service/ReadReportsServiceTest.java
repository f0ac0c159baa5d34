package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.application.port.in.ReadReportsUseCase.Page;
import io.waybill.application.port.out.ReportRepository.StoredReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadReportsServiceTest {

    private static final Instant FIRST = Instant.parse("2026-12-01T00:00:00Z");

    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final ReadReportsService read = new ReadReportsService(reports);

    @Test
    void listsNewestFirstAPageAtATimeUntilTheLast() {
        for (int i = 0; i < 5; i++) {
            Instant slot = FIRST.plus(Duration.ofHours(8L * i));
            reports.save(slot, slot.minus(Duration.ofHours(8)), new byte[] {(byte) i}, slot);
        }

        Page first = read.list(Optional.empty(), 2);
        Page second = read.list(first.next(), 2);
        Page last = read.list(second.next(), 2);

        assertThat(first.reports()).extracting(StoredReport::slot)
                .containsExactly(FIRST.plus(Duration.ofHours(32)), FIRST.plus(Duration.ofHours(24)));
        assertThat(second.reports()).extracting(StoredReport::slot)
                .containsExactly(FIRST.plus(Duration.ofHours(16)), FIRST.plus(Duration.ofHours(8)));
        assertThat(last.reports()).extracting(StoredReport::slot).containsExactly(FIRST);
        assertThat(last.next()).isEmpty();
        assertThat(read.list(Optional.empty(), 5).next()).as("a full page that is the last").isEmpty();
    }

    @Test
    void refusesALimitOutsideOneToAHundred() {
        assertThatThrownBy(() -> read.list(Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read.list(Optional.empty(), 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
