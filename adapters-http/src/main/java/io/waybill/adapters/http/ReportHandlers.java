package io.waybill.adapters.http;

import io.javalin.http.Context;
import io.waybill.application.port.in.MakeReportUseCase;
import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.report.StatusReport;
import java.time.Clock;
import java.time.Instant;

/** The status reports' routes, for staff: {@code GET /trackingSummary}, the seed's summary of now, stored nowhere. */
final class ReportHandlers {

    private final MakeReportUseCase makeReport;
    private final Clock clock;
    private final JsonWriter json;

    ReportHandlers(MakeReportUseCase makeReport, Clock clock, JsonWriter json) {
        this.makeReport = makeReport;
        this.clock = clock;
        this.json = json;
    }

    void trackingSummary(Context ctx) {
        Instant now = clock.instant();
        StatusReport report = makeReport.make(new ReportPeriod(now, now));
        json.json(ctx, 200, ReportJson.summary(report));
    }
}
