package io.waybill.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reports made, one per slot, kept in the database with where each was archived: every report stays, and one not
 * yet archived waits here for its next attempt. Shared by every instance on the database. Thread-safe.
 *
 * @see ReportArchive
 */
public interface ReportRepository {

    /** The most reports one page holds: a bound on what one read brings into memory. */
    int MAX_PAGE = 1_000;

    /**
     * Keeps the report of {@code slot}, replacing one kept for that slot (a repeated run): the new one waits to be
     * archived, from {@code firstAttempt} on, and counts one more run.
     *
     * @param firstAttempt when a retry may first take it: later than {@code madeAt} while the caller archives it
     *     itself, so that the two do not write it at once
     * @return the report as kept
     * @throws StorageUnavailableException when the database fails
     */
    StoredReport save(Instant slot, Instant periodFrom, byte[] document, Instant madeAt, Instant firstAttempt);

    /** {@link #save(Instant, Instant, byte[], Instant, Instant) Keeps} the report, due to be archived at once. */
    default StoredReport save(Instant slot, Instant periodFrom, byte[] document, Instant madeAt) {
        return save(slot, periodFrom, document, madeAt, madeAt);
    }

    Optional<StoredReport> find(Instant slot);

    /**
     * Reports newest first (by slot).
     *
     * @param before the slot where the previous page ended (exclusive); empty for the first page
     * @param limit 1 to {@link #MAX_PAGE}
     */
    List<StoredReport> page(Optional<Instant> before, int limit);

    /** Reports not yet archived whose next attempt is due at {@code now}, oldest slot first, at most {@code limit}. */
    List<StoredReport> dueForArchive(Instant now, int limit);

    /**
     * Records that run {@code run} of the report of {@code slot} is archived at {@code location}; does nothing when a
     * later run replaced it meanwhile (that one waits for its own attempt).
     */
    void archived(Instant slot, int run, String location, Instant at);

    /**
     * Records a failed attempt to archive run {@code run}: the error, and when to try again; does nothing when a later
     * run replaced it meanwhile.
     */
    void archiveFailed(Instant slot, int run, String error, Instant nextAttempt);

    /** How many reports wait to be archived, and the latest error among those that failed. */
    Backlog backlog();

    /**
     * @param slot the time the report is for, its {@code created_at}, which names it
     * @param periodFrom the start of the period it covers (the previous slot)
     * @param document the report as written down ({@link ReportFormat})
     * @param run how many times the report of this slot was made: 1, more after a repeated run
     * @param archivedAt when it was archived, empty while it waits
     * @param location where it was archived, empty while it waits
     * @param attempts the failed attempts to archive this run
     * @param lastError the last attempt's error, empty when none failed
     * @param nextAttempt when the next attempt is due, while it waits
     */
    record StoredReport(Instant slot, Instant periodFrom, byte[] document, Instant madeAt, int run,
            Optional<Instant> archivedAt, Optional<String> location, int attempts, Optional<String> lastError,
            Optional<Instant> nextAttempt) {

        public StoredReport {
            Objects.requireNonNull(slot, "slot");
            Objects.requireNonNull(periodFrom, "periodFrom");
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(madeAt, "madeAt");
            Objects.requireNonNull(archivedAt, "archivedAt");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(lastError, "lastError");
            Objects.requireNonNull(nextAttempt, "nextAttempt");
        }

        /** This run, archived at {@code location}: what {@link #archived} records. */
        public StoredReport archived(String location, Instant at) {
            return new StoredReport(slot, periodFrom, document, madeAt, run, Optional.of(at), Optional.of(location),
                    attempts, lastError, Optional.empty());
        }

        /** This run after one more failed attempt: what {@link #archiveFailed} records. */
        public StoredReport failed(String error, Instant nextAttempt) {
            return new StoredReport(slot, periodFrom, document, madeAt, run, Optional.empty(), Optional.empty(),
                    attempts + 1, Optional.of(error), Optional.of(nextAttempt));
        }

        /** The name it is archived under: {@code report@2026-12-06T08:00:00Z.json}. */
        public String name() {
            return "report@" + slot + ".json";
        }
    }

    /**
     * @param waiting reports not yet archived
     * @param failing those among them with a failed attempt
     * @param lastError the most recent failed attempt's error, when one failed
     */
    record Backlog(long waiting, long failing, Optional<String> lastError) {}
}
