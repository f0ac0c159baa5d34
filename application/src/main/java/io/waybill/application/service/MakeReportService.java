package io.waybill.application.service;

import io.waybill.application.port.in.MakeReportUseCase;
import io.waybill.application.port.out.ReportFigures;
import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.report.StatusReport;
import java.time.Duration;

/** Thread-safe. */
public final class MakeReportService implements MakeReportUseCase {

    private final ReportFigures figures;
    private final int stalledDays;

    /** @param stalledDays the days without an event after which a shipment under way counts as stalled */
    public MakeReportService(ReportFigures figures, int stalledDays) {
        if (stalledDays < 1) {
            throw new IllegalArgumentException("stalled days are at least 1; got " + stalledDays);
        }
        this.figures = figures;
        this.stalledDays = stalledDays;
    }

    // Stalled as of the report's time, so that a report made late for its slot counts as it would have then.
    @Override
    public StatusReport make(ReportPeriod period) {
        ReportFigures.Figures counted = figures.count(period, period.to().minus(Duration.ofDays(stalledDays)));
        return new StatusReport(period.to(), period, counted.byStatus(), counted.byCarrier(), counted.delivered(),
                counted.exceptions(), counted.stalled(), stalledDays, counted.transitTimes());
    }
}
