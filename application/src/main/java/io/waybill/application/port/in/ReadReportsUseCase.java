package io.waybill.application.port.in;

import io.waybill.application.port.out.ReportRepository.StoredReport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the status reports made, as kept in the database: every one, archived or waiting to be. */
public interface ReadReportsUseCase {

    int DEFAULT_LIMIT = ListShipmentsUseCase.DEFAULT_LIMIT;
    int MAX_LIMIT = ListShipmentsUseCase.MAX_LIMIT;

    /** The report made for {@code slot}. */
    Optional<StoredReport> find(Instant slot);

    /**
     * Reports newest first, a page at a time.
     *
     * @param before the slot where the previous page ended; empty for the first page
     * @param limit 1 to {@link #MAX_LIMIT}
     */
    Page list(Optional<Instant> before, int limit);

    /** @param next the slot to pass as {@code before} for the following page; empty on the last page */
    record Page(List<StoredReport> reports, Optional<Instant> next) {

        public Page {
            reports = List.copyOf(reports);
            Objects.requireNonNull(next, "next");
        }
    }
}
