package io.waybill.application.port.out;

import io.waybill.domain.report.StatusReport;

/** How a status report is written down, once, for the archive, the database and every reader alike. */
public interface ReportFormat {

    /** The document: the same report always gives the same bytes. */
    byte[] render(StatusReport report);
}
