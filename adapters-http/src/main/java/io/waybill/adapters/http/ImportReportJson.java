package io.waybill.adapters.http;

import io.waybill.application.port.in.ImportShipmentsUseCase.Report;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an import did: its mode, whether it wrote anything, the lines read (the header aside), the shipments created,
 * updated and unchanged, the shipments and lines rejected, and the first rejections with their line and reason.
 */
final class ImportReportJson {

    private ImportReportJson() {}

    static Map<String, Object> of(Report report, String mode) {
        Map<String, Object> json = new LinkedHashMap<>(16);
        json.put("mode", mode);
        json.put("written", report.written());
        json.put("lines", report.lines());
        json.put("created", report.created());
        json.put("updated", report.updated());
        json.put("unchanged", report.unchanged());
        json.put("rejected_shipments", report.rejectedShipments());
        json.put("rejected_lines", report.rejectedLines());
        json.put("rejections", report.rejections().stream().map(rejection -> {
            Map<String, Object> entry = new LinkedHashMap<>(4);
            entry.put("line", rejection.line());
            entry.put("reason", rejection.reason());
            return entry;
        }).toList());
        return json;
    }
}
