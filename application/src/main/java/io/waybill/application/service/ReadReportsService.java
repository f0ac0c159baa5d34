package io.waybill.application.service;

import io.waybill.application.port.in.ReadReportsUseCase;
import io.waybill.application.port.out.ReportRepository;
import io.waybill.application.port.out.ReportRepository.StoredReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Thread-safe. */
public final class ReadReportsService implements ReadReportsUseCase {

    private final ReportRepository reports;

    public ReadReportsService(ReportRepository reports) {
        this.reports = reports;
    }

    @Override
    public Optional<StoredReport> find(Instant slot) {
        return reports.find(slot);
    }

    // One more than the page, to know whether another follows.
    @Override
    public Page list(Optional<Instant> before, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + "; got " + limit);
        }
        List<StoredReport> found = reports.page(before, limit + 1);
        if (found.size() <= limit) {
            return new Page(found, Optional.empty());
        }
        List<StoredReport> page = found.subList(0, limit);
        return new Page(page, Optional.of(page.get(limit - 1).slot()));
    }
}
