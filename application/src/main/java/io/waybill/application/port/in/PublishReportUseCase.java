package io.waybill.application.port.in;

import io.waybill.application.port.out.ReportRepository.StoredReport;
import java.time.Instant;
import java.util.Optional;

/**
 * Publishes status reports: makes one, keeps it in the database, and archives it (in a directory or a bucket). A
 * report the archive refuses waits in the database and is tried again with backoff ({@link #archiveWaiting}); one
 * made again for the same slot replaces it, never adds a second.
 */
public interface PublishReportUseCase {

    /**
     * The report for {@code slot}, a time of the report schedule: how the shipments stood then, and what happened
     * since the schedule's time before it.
     *
     * @throws io.waybill.application.port.out.StorageUnavailableException when the database fails
     */
    Published publish(Instant slot);

    /** The report of now (to the second), covering the time since the schedule's latest time; see {@link #publish}. */
    Published publishNow();

    /** The report of now as {@link #publishNow} makes it, written down, but kept nowhere and archived nowhere. */
    byte[] reportOfNow();

    /** Tries once more to archive each report waiting whose next attempt is due. */
    void archiveWaiting();

    /**
     * @param report as kept in the database
     * @param archiveError why the archive refused it, when it did: the report waits for its next attempt
     */
    record Published(StoredReport report, Optional<String> archiveError) {}
}
