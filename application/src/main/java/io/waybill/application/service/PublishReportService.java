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
        ReportPeriod period = periodTo(slot);
        StoredReport kept = reports.save(slot, period.from(), document(period), clock.instant());
        return archive.map(to -> archive(to, kept)).orElseGet(() -> new Published(kept, Optional.empty()));
    }

    @Override
    public Published publishNow() {
        return publish(now());
    }

    @Override
    public byte[] reportOfNow() {
        return document(periodTo(now()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    // From the schedule's time before this one; a slot before the schedule's first covers nothing.
    private ReportPeriod periodTo(Instant slot) {
        return new ReportPeriod(schedule.latest(slot.minusNanos(1)).orElse(slot), slot);
    }

    private byte[] document(ReportPeriod period) {
        return format.render(makeReport.make(period));
    }

    @Override
    public void archiveWaiting() {
        archive.ifPresent(to -> reports.dueForArchive(clock.instant(), ARCHIVED_AT_ONCE)
                .forEach(report -> archive(to, report)));
    }

    // The report as archived, or with the archive's refusal, when it then waits for its next attempt.
    private Published archive(ReportArchive to, StoredReport report) {
        try {
            String location = to.put(report.name(), report.document());
            Instant at = clock.instant();
            reports.archived(report.slot(), report.run(), location, at);
            if (report.attempts() > 0) {
                LOG.info("Report {} archived in {} after {} failed attempts", report.name(), location,
                        report.attempts());
            }
            return new Published(report.archived(location, at), Optional.empty());
        } catch (ReportArchiveUnavailableException e) {
            String error = Objects.requireNonNullElse(e.getMessage(), e.toString());
            Instant next = clock.instant().plus(retryAfter(report.attempts() + 1));
            reports.archiveFailed(report.slot(), report.run(), error, next);
            LOG.warn("Report {} could not be archived (attempt {}): {}; it waits in the database, next attempt at {}",
                    report.name(), report.attempts() + 1, error, next);
            return new Published(report.failed(error, next), Optional.of(error));
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
