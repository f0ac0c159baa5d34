package io.waybill.adapters.persistence;

import io.waybill.application.port.out.ReportRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The reports made in {@code reports} (V7), one row per slot, shared by every instance on the database. Each method is
 * one statement, so none needs a transaction: the upsert of {@link #save} is atomic on both databases (PostgreSQL's
 * {@code ON CONFLICT DO UPDATE} locks the row of a concurrent insert and counts the run on its latest version; SQLite
 * lets one writer in at a time), and the updates of an attempt's outcome name the run they are for, so that one of an
 * earlier run, ending after a repeated run replaced the report, changes nothing.
 *
 * <p>Times are stored to the microsecond (truncated), all that both databases keep; slots are whole seconds. An
 * attempt's outcome is recorded only while the run waits: the first {@link #archived} stands, and a failure reported
 * after another instance archived the run does not make it wait again. The failed attempts of a run, their last error
 * and when the last failed ({@code failed_at}, by this instance's clock: the port's call carries no time of failure)
 * stay once the run is archived; the {@link #backlog} counts only the waiting reports, and its latest error is the one
 * of the waiting report that failed last. Thread-safe.
 */
final class JdbiReportRepository implements ReportRepository {

    private static final String COLUMNS = "slot, period_from, document, made_at, run, archived_at, location, attempts,"
            + " last_error, next_attempt_at";

    // The row as kept, from RETURNING: the run it counts is the database's to know.
    private static final String SAVE = """
            INSERT INTO reports (slot, period_from, document, made_at, run, attempts, next_attempt_at)
            VALUES (:slot, :period_from, :document, :made_at, 1, 0, :first_attempt)
            ON CONFLICT (slot) DO UPDATE SET period_from = excluded.period_from, document = excluded.document,
                made_at = excluded.made_at, run = reports.run + 1, archived_at = NULL, location = NULL, attempts = 0,
                last_error = NULL, failed_at = NULL, next_attempt_at = excluded.next_attempt_at
            RETURNING %s
            """.formatted(COLUMNS);

    private static final String FIND = "SELECT " + COLUMNS + " FROM reports WHERE slot = :slot";

    private static final String FIRST_PAGE = "SELECT " + COLUMNS + " FROM reports ORDER BY slot DESC LIMIT :limit";

    private static final String NEXT_PAGE =
            "SELECT " + COLUMNS + " FROM reports WHERE slot < :before ORDER BY slot DESC LIMIT :limit";

    // The condition of the partial index reports_waiting, spelled as V7 spells it: SQLite matches it by its text.
    // SqliteReportRepositoryTest checks that the index serves DUE and BACKLOG.
    static final String WAITING = "archived_at IS NULL";

    static final String DUE = "SELECT " + COLUMNS + " FROM reports WHERE " + WAITING
            + " AND next_attempt_at <= :now ORDER BY slot LIMIT :limit";

    // One statement, so the counts and the error are of one moment. Failures at one time (two instances' clocks
    // agreeing to the microsecond) are told apart by the later slot.
    static final String BACKLOG = """
            SELECT count(*), count(CASE WHEN attempts > 0 THEN 1 END),
                   (SELECT last_error FROM reports WHERE %1$s AND attempts > 0
                    ORDER BY failed_at DESC, slot DESC LIMIT 1)
            FROM reports
            WHERE %1$s
            """.formatted(WAITING);

    private static final String ARCHIVED = """
            UPDATE reports SET archived_at = :at, location = :location, next_attempt_at = NULL
            WHERE slot = :slot AND run = :run AND archived_at IS NULL
            """;

    private static final String ARCHIVE_FAILED = """
            UPDATE reports SET attempts = attempts + 1, last_error = :error, failed_at = :failed_at,
                next_attempt_at = :next_attempt_at
            WHERE slot = :slot AND run = :run AND archived_at IS NULL
            """;

    private final Jdbi jdbi;
    private final Engine engine;
    private final Clock clock;
    private final RowMapper<StoredReport> mapper;

    JdbiReportRepository(Jdbi jdbi, Engine engine, Clock clock) {
        this.jdbi = jdbi;
        this.engine = engine;
        this.clock = clock;
        this.mapper = (row, context) -> map(row, engine);
    }

    @Override
    public StoredReport save(Instant slot, Instant periodFrom, byte[] document, Instant madeAt,
            Instant firstAttempt) {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(periodFrom, "periodFrom");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(firstAttempt, "firstAttempt");
        return DatabaseFailures.attempt("keep a report", () -> jdbi.withHandle(handle ->
                handle.createQuery(SAVE)
                        .bind("slot", time(slot))
                        .bind("period_from", time(periodFrom))
                        .bind("document", document)
                        .bind("made_at", time(madeAt))
                        .bind("first_attempt", time(firstAttempt))
                        .map(mapper)
                        .one()));
    }

    @Override
    public Optional<StoredReport> find(Instant slot) {
        Objects.requireNonNull(slot, "slot");
        return DatabaseFailures.attempt("read a report", () -> jdbi.withHandle(handle ->
                handle.createQuery(FIND).bind("slot", time(slot)).map(mapper).findOne()));
    }

    /** @throws IllegalArgumentException when {@code limit} is not 1 to {@link #MAX_PAGE} */
    @Override
    public List<StoredReport> page(Optional<Instant> before, int limit) {
        Objects.requireNonNull(before, "before");
        checkLimit(limit, MAX_PAGE);
        return DatabaseFailures.attempt("read a page of reports", () -> jdbi.withHandle(handle -> before.isEmpty()
                ? handle.createQuery(FIRST_PAGE).bind("limit", limit).map(mapper).list()
                : handle.createQuery(NEXT_PAGE).bind("before", time(before.get())).bind("limit", limit).map(mapper)
                        .list()));
    }

    /**
     * @throws IllegalArgumentException when {@code limit} is not positive (the port sets no upper bound: what it asks
     *     for is read, documents and all)
     */
    @Override
    public List<StoredReport> dueForArchive(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        checkLimit(limit, Integer.MAX_VALUE);
        return DatabaseFailures.attempt("read the reports due to be archived", () -> jdbi.withHandle(handle ->
                handle.createQuery(DUE).bind("now", time(now)).bind("limit", limit).map(mapper).list()));
    }

    @Override
    public void archived(Instant slot, int run, String location, Instant at) {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(at, "at");
        DatabaseFailures.attempt("record where a report is archived", () -> jdbi.withHandle(handle ->
                handle.createUpdate(ARCHIVED)
                        .bind("at", time(at))
                        .bind("location", location)
                        .bind("slot", time(slot))
                        .bind("run", run)
                        .execute()));
    }

    @Override
    public void archiveFailed(Instant slot, int run, String error, Instant nextAttempt) {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        DatabaseFailures.attempt("record a failed attempt to archive a report", () -> jdbi.withHandle(handle ->
                handle.createUpdate(ARCHIVE_FAILED)
                        .bind("error", error)
                        .bind("failed_at", time(clock.instant()))
                        .bind("next_attempt_at", time(nextAttempt))
                        .bind("slot", time(slot))
                        .bind("run", run)
                        .execute()));
    }

    @Override
    public Backlog backlog() {
        return DatabaseFailures.attempt("count the reports waiting to be archived", () -> jdbi.withHandle(handle ->
                handle.createQuery(BACKLOG)
                        .map((row, context) -> new Backlog(row.getLong(1), row.getLong(2),
                                Optional.ofNullable(row.getString(3))))
                        .one()));
    }

    private static void checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new IllegalArgumentException("limit must be 1 to " + max + ": " + limit);
        }
    }

    // Through the engine, which types the value for the column.
    private Argument time(Instant instant) {
        OffsetDateTime value = Times.utc(instant.truncatedTo(ChronoUnit.MICROS));
        return (position, statement, context) -> engine.setTime(statement, position, value);
    }

    // In the order of COLUMNS.
    private static StoredReport map(ResultSet row, Engine engine) throws SQLException {
        ColumnReader in = new ColumnReader(row, 1, engine);
        Instant slot = in.instant();
        Instant periodFrom = in.instant();
        byte[] document = in.bytes();
        Instant madeAt = in.instant();
        int run = in.integer();
        Optional<Instant> archivedAt = in.optionalInstant();
        Optional<String> location = in.optionalText();
        int attempts = in.integer();
        Optional<String> lastError = in.optionalText();
        Optional<Instant> nextAttempt = in.optionalInstant();
        return new StoredReport(slot, periodFrom, document, madeAt, run, archivedAt, location, attempts, lastError,
                nextAttempt);
    }
}
