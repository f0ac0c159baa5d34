package io.waybill.adapters.http;

import com.fasterxml.jackson.databind.util.RawValue;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.waybill.application.port.in.MakeReportUseCase;
import io.waybill.application.port.in.PublishReportUseCase;
import io.waybill.application.port.in.ReadReportsUseCase;
import io.waybill.application.port.out.ReportRepository.StoredReport;
import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.report.StatusReport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The status reports' routes, for staff: {@code GET /trackingSummary}, the seed's summary of now, stored nowhere;
 * {@code GET /api/v1/reports}, the reports made, newest first, a page at a time ({@code limit}, {@code cursor}), each
 * with where it was archived; {@code GET /api/v1/reports/{id}}, one report as stored, by its time
 * ({@code 2026-12-06T08:00:00Z}) or its file name ({@code report@2026-12-06T08:00:00Z.json}); {@code POST
 * /api/v1/reports}, the report of now, made, kept and archived, answered 201.
 */
final class ReportHandlers {

    static final String PATH = "/api/v1/reports";
    private static final Pattern FILE_NAME = Pattern.compile("report@(.+)\\.json");

    private final MakeReportUseCase makeReport;
    private final PublishReportUseCase publishReport;
    private final ReadReportsUseCase readReports;
    private final Clock clock;
    private final JsonWriter json;

    ReportHandlers(MakeReportUseCase makeReport, PublishReportUseCase publishReport, ReadReportsUseCase readReports,
            Clock clock, JsonWriter json) {
        this.makeReport = makeReport;
        this.publishReport = publishReport;
        this.readReports = readReports;
        this.clock = clock;
        this.json = json;
    }

    void trackingSummary(Context ctx) {
        // In whole seconds, as the seed's created_at and the stored reports' are.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        StatusReport report = makeReport.make(new ReportPeriod(now, now));
        json.json(ctx, 200, ReportJson.summary(report));
    }

    void list(Context ctx) {
        RequestParameters parameters =
                new RequestParameters(ctx.queryString(), InvalidParametersException.QUERY_PARAMETER);
        int limit = parameters.optional(ListQuery.LIMIT, text -> ListQuery.limit(text, ReadReportsUseCase.MAX_LIMIT))
                .orElse(ReadReportsUseCase.DEFAULT_LIMIT);
        Optional<Instant> cursor = parameters.optional(ListQuery.CURSOR, ReportHandlers::slot);
        parameters.throwIfInvalid();
        ReadReportsUseCase.Page page = readReports.list(cursor, limit);
        Map<String, Object> body = new LinkedHashMap<>(2);
        body.put("reports", page.reports().stream().map(ReportHandlers::entry).toList());
        body.put("next_cursor", page.next().map(Instant::toString).orElse(null));
        json.json(ctx, 200, body);
    }

    void one(Context ctx) {
        RequestParameters parameters = new RequestParameters(null, InvalidParametersException.PARAMETER);
        Instant slot = parameters.value("id", ctx.pathParam("id"), ReportHandlers::id);
        parameters.throwIfInvalid();
        StoredReport report = readReports.find(slot)
                .orElseThrow(() -> new NotFoundResponse("No report was made for " + slot));
        json.rendered(ctx, 200, report.document());
    }

    void publish(Context ctx) {
        PublishReportUseCase.Published published = publishReport.publishNow();
        StoredReport report = published.report();
        ctx.header("Location", PATH + "/" + report.slot());
        report.location().ifPresent(location -> ctx.header("Archive-Location", location));
        published.archiveError().ifPresent(error -> ctx.header("Archive-Error", headerValue(error)));
        json.rendered(ctx, 201, report.document());
    }

    // What the list shows of a report: its state, then the report itself, as stored.
    private static Map<String, Object> entry(StoredReport report) {
        Map<String, Object> entry = new LinkedHashMap<>(12);
        entry.put("id", report.slot().toString());
        entry.put("name", report.name());
        entry.put("url", PATH + "/" + report.slot());
        entry.put("made_at", JsonTimes.of(report.madeAt()));
        entry.put("runs", report.run());
        entry.put("archived", report.archivedAt().isPresent());
        entry.put("location", report.location().orElse(null));
        entry.put("archived_at", report.archivedAt().map(JsonTimes::of).orElse(null));
        entry.put("failed_attempts", report.attempts());
        entry.put("last_error", report.lastError().orElse(null));
        entry.put("next_attempt_at", report.archivedAt().isPresent() ? null
                : report.nextAttempt().map(JsonTimes::of).orElse(null));
        entry.put("report", new RawValue(new String(report.document(), StandardCharsets.UTF_8)));
        return entry;
    }

    private static Instant id(String text) {
        var name = FILE_NAME.matcher(text);
        try {
            return Instant.parse(name.matches() ? name.group(1) : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a report's time in UTC, such as 2026-12-06T08:00:00Z, or its"
                    + " file name, such as report@2026-12-06T08:00:00Z.json");
        }
    }

    private static Instant slot(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a report's time in UTC, such as 2026-12-06T08:00:00Z");
        }
    }

    // A header holds one line of visible ASCII: anything else in an error's text becomes a space or a question mark.
    private static String headerValue(String text) {
        StringBuilder value = new StringBuilder(Math.min(text.length(), 500));
        text.codePoints().limit(500).forEach(c -> value.append(c >= 0x20 && c < 0x7f ? (char) c
                : Character.isWhitespace(c) ? ' ' : '?'));
        return value.toString();
    }
}
