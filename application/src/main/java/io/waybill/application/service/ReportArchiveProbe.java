package io.waybill.application.service;

import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.ReportRepository;
import java.util.Optional;

/**
 * The report archive, as the cluster sees it: degraded while reports it refused wait in the database (they are kept,
 * and tried again), up otherwise. Read from the database, so every instance tells the same, whichever made the attempt.
 * Thread-safe.
 */
public final class ReportArchiveProbe implements ComponentProbe {

    private final ReportRepository reports;

    public ReportArchiveProbe(ReportRepository reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "report_archive";
    }

    @Override
    public State state() {
        return check().state();
    }

    @Override
    public Check check() {
        try {
            ReportRepository.Backlog backlog = reports.backlog();
            if (backlog.failing() == 0) {
                return new Check(State.UP, Optional.empty());
            }
            long failing = backlog.failing();
            String refused = failing == 1 ? "1 report the archive refused waits"
                    : failing + " reports the archive refused wait";
            return new Check(State.DEGRADED, Optional.of(refused + " in the database to be tried again"
                    + backlog.lastError().map(error -> "; last error: " + error).orElse("")));
        } catch (RuntimeException e) {
            return new Check(State.DEGRADED, Optional.of("cannot read the reports waiting to be archived: "
                    + e.getMessage()));
        }
    }
}
