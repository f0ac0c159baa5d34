package io.waybill.application.service;

import io.waybill.application.port.in.MakeReportUseCase;
import io.waybill.application.port.in.PublishReportUseCase;
import io.waybill.application.port.out.ClusterJobs;
import io.waybill.application.port.out.Metrics;
import io.waybill.application.port.out.ReportArchive;
import io.waybill.application.port.out.ReportArchiveUnavailableException;
import io.waybill.application.port.out.ReportFormat;
import io.waybill.application.port.out.ReportRepository;
import io.waybill.application.port.out.ReportRepository.StoredReport;
import io.waybill.application.support.Backoff;
import io.waybill.domain.report.ReportPeriod;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a report, writes it down once ({@link ReportFormat}), keeps it in the database, then archives it. The database
 * first: a report the archive refuses is not lost but waits there, and {@link #archiveWaiting} tries it again after a
 * wait that doubles with each refusal ({@link Backoff}). Without an archive, reports are kept in the database alone.
 *
 * <p>Counts the reports made ({@code waybill.reports.made}) and the archive's refusals
 * ({@code waybill.reports.archive.failures}); with an archive, the reports waiting for it are a gauge
 * ({@code waybill.reports.archive.waiting}), counted by the database when the meters are read. Thread-safe.
 */
public final class PublishReportService implements PublishReportUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(PublishReportService.class);
    // Reports archived per call of archiveWaiting: each is one write; more wait for the next call.
    private static final int ARCHIVED_AT_ONCE = 50;
    private static final long WAITING_READ_EVERY = TimeUnit.SECONDS.toNanos(30);

    private final MakeReportUseCase makeReport;
    private final ReportFormat format;
    private final ReportRepository reports;
    private final Optional<ReportArchive> archive;
    private final ClusterJobs.Calendar schedule;
    private final Backoff retries;
    private final Clock clock;
    // The gauge's last reading of the database, and when (System.nanoTime): a scrape asks the database at most every
    // WAITING_READ_EVERY, so that scrapes, open to anyone by default, drive no load, and a database that hangs holds
    // up one scrape in that time, not every one; this instance's own reports and attempts make the next scrape read
    // again. Racy on purpose: two scrapes at once may both read.
    private volatile double waiting = Double.NaN;
    private volatile long waitingReadAt;
    private volatile boolean waitingRead;
    private final Metrics.Counter made;
    private final Metrics.Counter archiveFailures;

    /** Without metrics. */
    public PublishReportService(MakeReportUseCase makeReport, ReportFormat format, ReportRepository reports,
            Optional<ReportArchive> archive, ClusterJobs.Calendar schedule, Backoff retries, Clock clock) {
        this(makeReport, format, reports, archive, schedule, retries, clock, Metrics.NONE);
    }

    /**
     * @param schedule the report schedule's times, which bound each report's period
     * @param retries the wait after each failed attempt to archive a report
     */
    public PublishReportService(MakeReportUseCase makeReport, ReportFormat format, ReportRepository reports,
            Optional<ReportArchive> archive, ClusterJobs.Calendar schedule, Backoff retries, Clock clock,
            Metrics metrics) {
        this.makeReport = Objects.requireNonNull(makeReport, "makeReport");
        this.format = Objects.requireNonNull(format, "format");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.made = metrics.counter("waybill.reports.made", "Status reports made and kept in the database");
        this.archiveFailures = metrics.counter("waybill.reports.archive.failures",
                "Attempts to archive a report that the archive refused");
        if (archive.isPresent()) {
            metrics.gauge("waybill.reports.archive.waiting", "Reports kept in the database, not archived yet",
                    this::waiting);
        }
    }

    // The reports waiting to be archived, cluster-wide, as last read; NaN when the database could not tell.
    private double waiting() {
        long now = System.nanoTime();
        if (!waitingRead || now - waitingReadAt > WAITING_READ_EVERY) {
            waitingRead = true;
            waitingReadAt = now;
            try {
                waiting = reports.backlog().waiting();
            } catch (RuntimeException e) {
                waiting = Double.NaN;
            }
        }
        return waiting;
    }

    /** @throws IllegalArgumentException when {@code slot} is not a whole second, as a report's name is */
    @Override
    public Published publish(Instant slot) {
        if (slot.getNano() != 0) {
            throw new IllegalArgumentException("a report's slot is a whole second; got " + slot);
        }
        ReportPeriod period = periodTo(slot);
        Instant now = clock.instant();
        // This call archives it at once; the retries take it over only if that attempt ends with no outcome recorded.
        StoredReport kept = reports.save(slot, period.from(), document(period), now,
                archive.isPresent() ? now.plus(retries.first()) : now);
        made.increment();
        Published published = archive.map(to -> archive(to, kept))
                .orElseGet(() -> new Published(kept, Optional.empty()));
        waitingRead = false;
        return published;
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

    // Stops at the first refusal: the archive is likely down, and each further attempt would wait for its timeout.
    @Override
    public void archiveWaiting() {
        archive.ifPresent(to -> {
            for (StoredReport report : reports.dueForArchive(clock.instant(), ARCHIVED_AT_ONCE)) {
                boolean refused = archive(to, report).archiveError().isPresent();
                waitingRead = false;
                if (refused) {
                    return;
                }
            }
        });
    }

    // The report as archived, or with the archive's refusal, when it then waits for its next attempt. Anything the
    // archive throws is a refusal: the report waits, counted and shown, rather than stopping the other reports' turn.
    private Published archive(ReportArchive to, StoredReport report) {
        String location;
        try {
            location = to.put(report.name(), report.document());
        } catch (RuntimeException e) {
            String error = e instanceof ReportArchiveUnavailableException ? String.valueOf(e.getMessage())
                    : e.toString();
            archiveFailures.increment();
            int attempts = report.attempts() + 1;
            Instant next = clock.instant().plus(retries.after(attempts));
            // Logged before it is recorded: with the database down as well, the log still tells.
            LOG.warn("Report {} could not be archived (attempt {}): {}; it waits in the database, next attempt at {}",
                    report.name(), attempts, error, next);
            reports.archiveFailed(report.slot(), report.run(), error, next);
            return new Published(report.failed(error, next), Optional.of(error));
        }
        Instant at = clock.instant();
        try {
            reports.archived(report.slot(), report.run(), location, at);
        } catch (RuntimeException e) {
            LOG.warn("Report {} is archived in {}, but the database could not record it ({}); it will be written"
                    + " again", report.name(), location, e.getMessage());
        }
        if (report.attempts() > 0) {
            LOG.info("Report {} archived in {} after {} failed attempts", report.name(), location, report.attempts());
        }
        return new Published(report.archived(location, at), Optional.empty());
    }
}
