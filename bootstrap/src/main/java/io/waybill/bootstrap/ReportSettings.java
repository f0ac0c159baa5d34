package io.waybill.bootstrap;

import io.waybill.adapters.persistence.Persistence;
import io.waybill.adapters.persistence.archive.ReportArchives;
import io.waybill.application.port.out.ClusterJobs;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How status reports are made, when, and where they go.
 *
 * @param stalledDays the days without an event after which a shipment under way counts as stalled
 * @param schedule a cron expression of five fields (minute first) or six (seconds first), or {@code none}: then no
 *     report is made on a schedule, but the default's times still bound the period of a report made on demand
 * @param zone the time zone the schedule's times are in
 * @param store the archive: a directory or an S3 bucket; empty to keep reports in the database alone
 * @param s3Endpoint an S3-compatible service's endpoint, addressed path-style; empty for AWS S3
 * @param firstRetry the wait after a report's first refused archive, doubled after each refusal
 * @param maxRetry the longest wait between two attempts
 */
public record ReportSettings(int stalledDays, String schedule, ZoneId zone, Optional<ReportArchives.Store> store,
        Optional<URI> s3Endpoint, Duration firstRetry, Duration maxRetry) {

    public static final int DEFAULT_STALLED_DAYS = 3;
    public static final String DEFAULT_SCHEDULE = "0 0,8,16 * * *";
    public static final String NONE = "none";
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_RETRY = Duration.ofMinutes(30);

    /** No schedule and no archive: reports are made on demand and kept in the database. */
    public static final ReportSettings DEFAULTS = new ReportSettings(DEFAULT_STALLED_DAYS, NONE, ZoneOffset.UTC,
            Optional.empty(), Optional.empty(), DEFAULT_FIRST_RETRY, DEFAULT_MAX_RETRY);

    public ReportSettings {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
        if (stalledDays < 1) {
            throw new IllegalArgumentException("stalled days are at least 1; got " + stalledDays);
        }
        schedule = schedule.strip();
        if (schedule.toLowerCase(Locale.ROOT).equals(NONE)) {
            schedule = NONE;
        } else {
            Persistence.cron(schedule, zone);
        }
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("retries wait a positive time, at most the longest wait; got "
                    + firstRetry + " and " + maxRetry);
        }
    }

    /** Whether reports are made on the schedule. */
    public boolean scheduled() {
        return !schedule.equals(NONE);
    }

    /** The schedule's times; with no schedule, the default's, which bound the periods of reports made on demand. */
    public ClusterJobs.Calendar calendar() {
        return Persistence.cron(scheduled() ? schedule : DEFAULT_SCHEDULE, zone);
    }

    public ReportSettings withSchedule(String schedule, ZoneId zone) {
        return new ReportSettings(stalledDays, schedule, zone, store, s3Endpoint, firstRetry, maxRetry);
    }

    public ReportSettings withStore(ReportArchives.Store store, Optional<URI> s3Endpoint) {
        return new ReportSettings(stalledDays, schedule, zone, Optional.of(store), s3Endpoint, firstRetry, maxRetry);
    }

    public ReportSettings withRetries(Duration firstRetry, Duration maxRetry) {
        return new ReportSettings(stalledDays, schedule, zone, store, s3Endpoint, firstRetry, maxRetry);
    }
}
