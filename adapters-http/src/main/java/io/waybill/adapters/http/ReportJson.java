package io.waybill.adapters.http;

import io.waybill.domain.CountryCode;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.report.StatusReport;
import io.waybill.domain.report.TransitTimes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A status report as JSON: the seed's {@code created_at} and {@code trackingSummary} (counts keyed by the status
 * labels the API shows, every status present), then Waybill's own keys, which the seed's readers ignore.
 */
final class ReportJson {

    // The report's one written form, for the archive and every reader: compact, the keys in the order built.
    private static final JsonWriter DOCUMENT = new JsonWriter(JsonWriter.newMapper());

    private ReportJson() {}

    /** The report as stored and served: {@link #of}, as UTF-8 JSON. */
    static byte[] document(StatusReport report) {
        return DOCUMENT.bytes(of(report));
    }

    /** The seed's shape alone: {@code {"created_at", "trackingSummary"}}. */
    static Map<String, Object> summary(StatusReport report) {
        Map<String, Object> json = new LinkedHashMap<>(2);
        json.put("created_at", JsonTimes.of(report.createdAt()));
        json.put("trackingSummary", counts(report.byStatus()));
        return json;
    }

    static Map<String, Object> of(StatusReport report) {
        Map<String, Object> json = summary(report);
        Map<String, Object> period = new LinkedHashMap<>(2);
        period.put("from", JsonTimes.of(report.period().from()));
        period.put("to", JsonTimes.of(report.period().to()));
        json.put("period", period);
        json.put("total", report.total());
        Map<String, Object> carriers = new LinkedHashMap<>();
        report.byCarrier().forEach((carrier, counts) -> carriers.put(carrier.code(), counts(counts)));
        json.put("by_carrier", carriers);
        json.put("delivered", report.delivered());
        json.put("exceptions", report.exceptions());
        json.put("stalled", report.stalled());
        json.put("stalled_days", report.stalledDays());
        json.put("transit_times", report.transitTimes().stream().map(ReportJson::transit).toList());
        return json;
    }

    private static Map<String, Long> counts(Map<ShipmentStatus, Long> counts) {
        Map<String, Long> json = new LinkedHashMap<>(counts.size());
        counts.forEach((status, count) -> json.put(status.label(), count));
        return json;
    }

    private static Map<String, Object> transit(TransitTimes times) {
        Map<String, Object> json = new LinkedHashMap<>(5);
        json.put("origin", times.origin().map(CountryCode::value).orElse(null));
        json.put("destination", times.destination().map(CountryCode::value).orElse(null));
        json.put("delivered", times.delivered());
        json.put("median_hours", hours(times.median()));
        json.put("p90_hours", hours(times.p90()));
        return json;
    }

    // To the minute, as hours with two decimals: 50.25 for 50 h 15 min.
    private static double hours(Duration duration) {
        return Math.round(duration.toMinutes() / 60.0 * 100) / 100.0;
    }
}
