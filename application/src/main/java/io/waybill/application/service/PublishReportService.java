package io.waybill.application.service;

import io.waybill.application.port.in.MakeReportUseCase;
import io.waybill.application.port.in.PublishReportUseCase;
import io.waybill.application.port.out.ClusterJobs;
import io.waybill.application.port.out.ReportArchive;
import io.waybill.application.port.out.ReportArchiveUnavailableException;
import io.waybill.application.port.out.ReportFormat;
import io.waybill.application.port.out.ReportRepository;
import io.waybill.application.port.out.ReportRepository.StoredReport;
import io.waybill.domain.report.ReportPeriod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a report, writes it down once ({@link ReportFormat}), keeps it in the database, then archives it. The database
 * first: a report the archive refuses is not lost but waits there, and each failed attempt doubles the wait before the
 * next, from {@code firstRetry} up to {@code maxRetry}. Without an archive, reports are kept in the database alone.
 * Thread-safe.
 */
public final class PublishReportService implements PublishReportUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(PublishReportService.class);
    // Reports archived per call of archiveWaiting: each is one write; more wait for the next call.
    private static final int ARCHIVED_AT_ONCE = 50;

    private final MakeReportUseCase makeReport;
    private final ReportFormat format;
    private final ReportRepository reports;
    private final Optional<ReportArchive> archive;
    private final ClusterJobs.Calendar schedule;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Clock clock;

    /**
     * @param schedule the report schedule's times, which bound each report's period
     * @param firstRetry the wait after a first failed attempt to archive, doubled after each failure
     * @param maxRetry the longest wait between two attempts
     */
    public PublishReportService(MakeReportUseCase makeReport, ReportFormat format, ReportRepository reports,
            Optional<ReportArchive> archive, ClusterJobs.Calendar schedule, Duration firstRetry, Duration maxRetry,
            Clock clock) {
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("retries wait a positive time, at most the longest wait; got "
                    + firstRetry + " and " + maxRetry);
        }
        this.makeReport = Objects.requireNonNull(makeReport, "makeReport");
        this.format = Objects.requireNonNull(format, "format");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Published publish(Instant slot) {
        // The period runs from the schedule's time before this one; a slot before the schedule's first covers nothing.
        Instant from = schedule.latest(slot.minusNanos(1)).orElse(slot);
        byte[] document = format.render(makeReport.make(new ReportPeriod(from, slot)));
        StoredReport kept = reports.save(slot, from, document, clock.instant());
        return new Published(kept, archive.flatMap(to -> archive(to, kept)));
    }

    @Override
    public Published publishNow() {
        return publish(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public void archiveWaiting() {
        archive.ifPresent(to -> reports.dueForArchive(clock.instant(), ARCHIVED_AT_ONCE)
                .forEach(report -> archive(to, report)));
    }

    // The error when the archive refused it; the report then waits for its next attempt.
    private Optional<String> archive(ReportArchive to, StoredReport report) {
        try {
            String location = to.put(report.name(), report.document());
            reports.archived(report.slot(), report.run(), location, clock.instant());
            if (report.attempts() > 0) {
                LOG.info("Report {} archived in {} after {} failed attempts", report.name(), location,
                        report.attempts());
            }
            return Optional.empty();
        } catch (ReportArchiveUnavailableException e) {
            int attempts = report.attempts() + 1;
            Instant next = clock.instant().plus(retryAfter(attempts));
            reports.archiveFailed(report.slot(), report.run(), e.getMessage(), next);
            LOG.warn("Report {} could not be archived in {} (attempt {}): {}; it waits in the database, next attempt at"
                    + " {}", report.name(), to.locationOf(report.name()), attempts, e.getMessage(), next);
            return Optional.of(e.getMessage());
        }
    }

    // firstRetry after the first failure, doubled after each one, up to maxRetry.
    Duration retryAfter(int failures) {
        Duration wait = firstRetry;
        for (int i = 1; i < failures && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) < 0 ? wait : maxRetry;
    }
}
