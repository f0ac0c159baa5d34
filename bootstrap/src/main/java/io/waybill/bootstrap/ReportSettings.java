package io.waybill.bootstrap;

import io.waybill.adapters.persistence.Persistence;
import io.waybill.adapters.persistence.archive.ReportArchives;
import io.waybill.application.port.out.ClusterJobs;
import io.waybill.application.support.Backoff;
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
 * @param retries the wait after each refused attempt to archive a report: 30 s, doubling up to 30 minutes
 */
public record ReportSettings(int stalledDays, String schedule, ZoneId zone, Optional<ReportArchives.Store> store,
        Optional<URI> s3Endpoint, Backoff retries) {

    public static final int DEFAULT_STALLED_DAYS = 3;
    public static final String DEFAULT_SCHEDULE = "0 0,8,16 * * *";
    public static final String NONE = "none";
    public static final Backoff DEFAULT_RETRIES = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

    /** No schedule and no archive: reports are made on demand and kept in the database. */
    public static final ReportSettings DEFAULTS = new ReportSettings(DEFAULT_STALLED_DAYS, NONE, ZoneOffset.UTC,
            Optional.empty(), Optional.empty(), DEFAULT_RETRIES);

    public ReportSettings {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
        Objects.requireNonNull(retries, "retries");
        if (s3Endpoint.isPresent() && !(store.orElse(null) instanceof ReportArchives.Store.S3)) {
            throw new IllegalArgumentException("an S3 endpoint (" + s3Endpoint.get() + ") is for a report store in S3"
                    + " (s3://bucket/prefix); the store is " + store.map(ReportArchives.Store::describe).orElse("none"));
        }
        if (stalledDays < 1) {
            throw new IllegalArgumentException("stalled days are at least 1; got " + stalledDays);
        }
        schedule = schedule.strip();
        if (schedule.toLowerCase(Locale.ROOT).equals(NONE)) {
            schedule = NONE;
        } else {
            Persistence.cron(schedule, zone);
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
        return new ReportSettings(stalledDays, schedule, zone, store, s3Endpoint, retries);
    }

    public ReportSettings withStore(ReportArchives.Store store, Optional<URI> s3Endpoint) {
        return new ReportSettings(stalledDays, schedule, zone, Optional.of(store), s3Endpoint, retries);
    }

    public ReportSettings withRetries(Backoff retries) {
        return new ReportSettings(stalledDays, schedule, zone, store, s3Endpoint, retries);
    }
}
