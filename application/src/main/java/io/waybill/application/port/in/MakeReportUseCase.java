package io.waybill.application.port.in;

import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.report.StatusReport;

/** Makes the status report of a period: how the shipments stand at its end, and what happened in it. */
public interface MakeReportUseCase {

    /**
     * The report made now for {@code period}, whose end is its {@code created_at}.
     *
     * @throws io.waybill.application.port.out.StorageUnavailableException when the database fails
     */
    StatusReport make(ReportPeriod period);
}
