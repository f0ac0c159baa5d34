package io.waybill.adapters.persistence;

import io.waybill.application.port.out.ReportFigures;
import io.waybill.domain.Carrier;
import io.waybill.domain.CountryCode;
import io.waybill.domain.ShipmentStatus;
import io.waybill.domain.report.ReportPeriod;
import io.waybill.domain.report.TransitTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * A status report's figures in three aggregate statements, the same on SQLite and PostgreSQL: the shipments per
 * carrier and status with the stalled ones among them (one pass over the shipments, as a bare count per status
 * takes), the period's deliveries and exceptions (short ranges of the partial indexes of V6), and the transit times of
 * the period's deliveries. The statements read one snapshot: on PostgreSQL in a repeatable-read transaction, on SQLite in
 * a read transaction, which sees the database as it was at its first read.
 *
 * <p>Times are compared to the microsecond, all that both databases keep: the period's ends and the stalled limit are
 * truncated to it. Statuses are written into the statements as literals, never bound: a partial index serves only a
 * statement whose condition it can see. Thread-safe.
 */
final class JdbiReportFigures implements ReportFigures {

    // The statuses that are not final (ShipmentStatus.isFinal).
    private static final String NOT_FINAL = Arrays.stream(ShipmentStatus.values())
            .filter(ShipmentStatus::isFinal)
            .map(status -> "'" + status.code() + "'")
            .collect(Collectors.joining(", ", "status NOT IN (", ")"));
    // Spelled as V6's partial indexes spell them: SQLite matches a partial index's condition by its text.
    // SqliteReportFiguresTest checks that the indexes serve them.
    static final String DELIVERED = "status = '" + ShipmentStatus.DELIVERED.code() + "'";
    static final String EXCEPTION = "status = '" + ShipmentStatus.EXCEPTION.code() + "'";

    // byStatus is the sum over carriers, stalled the sum of the groups' stalled: one pass over the shipments serves
    // all three, with no index or column of its own, so that nothing is added to the shipments' writes. Nothing
    // recorded since means the later of updated_at (set by ShipmentWriter whenever events are appended) and
    // created_at (registration, issue); updated_at is NULL until the first change, and a comparison with NULL is false.
    private static final String BY_CARRIER = """
            SELECT carrier, status, count(*),
                   SUM(CASE WHEN %1$s
                             AND CASE WHEN updated_at > created_at THEN updated_at ELSE created_at END < :stalled_before
                            THEN 1 ELSE 0 END)
            FROM shipments
            GROUP BY status, carrier
            """.formatted(NOT_FINAL);

    // A shipment delivered twice in the period counts once.
    private static final String COUNTS = """
            SELECT (SELECT count(DISTINCT shipment_id) FROM tracking_events
                    WHERE %1$s AND event_time >= :from AND event_time < :to),
                   (SELECT count(*) FROM tracking_events WHERE %2$s AND event_time >= :from AND event_time < :to)
            """.formatted(DELIVERED, EXCEPTION);

    // Each shipment's first delivery in the period, less its creation, in microseconds; then, per route, the nearest
    // rank: the time at rank ceil(p * n) in ascending order, written ((n + 1) / 2) and ((9 * n + 9) / 10) in integer
    // division so that both databases count alike. A delivery before the shipment's creation (a history registered
    // after the fact) has no transit time and is left out here, though counted as delivered.
    private static final String TRANSIT_TIMES = """
            WITH delivered AS (
                SELECT shipment_id, min(event_time) AS delivered_at
                FROM tracking_events
                WHERE %1$s AND event_time >= :from AND event_time < :to
                GROUP BY shipment_id
            ), took AS (
                SELECT s.origin_country AS origin, s.destination_country AS destination,
                       %2$s - %3$s AS micros
                FROM delivered d JOIN shipments s ON s.id = d.shipment_id
            ), ranked AS (
                SELECT origin, destination, micros,
                       ROW_NUMBER() OVER (PARTITION BY origin, destination ORDER BY micros) AS rank_in_route,
                       COUNT(*) OVER (PARTITION BY origin, destination) AS n
                FROM took
                WHERE micros >= 0
            )
            SELECT origin, destination, max(n),
                   max(CASE WHEN rank_in_route = (n + 1) / 2 THEN micros END),
                   max(CASE WHEN rank_in_route = (9 * n + 9) / 10 THEN micros END)
            FROM ranked
            GROUP BY origin, destination
            ORDER BY origin NULLS LAST, destination NULLS LAST
            """;

    // The pool turns PostgreSQL's parallel workers off for its many short reads by key (PoolConfiguration); the pass
    // over every shipment is the one read they pay for, as they do for a bare count per status: PostgreSQL's default
    // again, for this transaction only.
    private static final String PARALLEL_PASS = "SET LOCAL max_parallel_workers_per_gather = 2";

    private final Jdbi jdbi;
    private final Engine engine;
    private final String transitTimes;

    JdbiReportFigures(Jdbi jdbi, Engine engine) {
        this.jdbi = jdbi;
        this.engine = engine;
        this.transitTimes = TRANSIT_TIMES.formatted(DELIVERED, micros("d.delivered_at"), micros("s.created_at"));
    }

    @Override
    public Figures count(ReportPeriod period, Instant stalledBefore) {
        return DatabaseFailures.attempt("count the report's figures", () -> engine == Engine.POSTGRES
                ? jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> count(handle, period,
                        stalledBefore))
                : jdbi.inTransaction(handle -> count(handle, period, stalledBefore)));
    }

    private Figures count(Handle handle, ReportPeriod period, Instant stalledBefore) {
        if (engine == Engine.POSTGRES) {
            handle.execute(PARALLEL_PASS);
        }
        Map<ShipmentStatus, Long> byStatus = new EnumMap<>(ShipmentStatus.class);
        Map<Carrier, Map<ShipmentStatus, Long>> byCarrier = new HashMap<>();
        List<Group> groups = handle.createQuery(BY_CARRIER)
                .bind("stalled_before", time(stalledBefore))
                .map((row, context) -> new Group(new Carrier(row.getString(1)), ShipmentStatus.parse(row.getString(2)),
                        row.getLong(3), row.getLong(4)))
                .list();
        long stalled = 0;
        for (Group group : groups) {
            byCarrier.computeIfAbsent(group.carrier(), carrier -> new EnumMap<>(ShipmentStatus.class))
                    .put(group.status(), group.shipments());
            byStatus.merge(group.status(), group.shipments(), Long::sum);
            stalled += group.stalled();
        }
        long[] counts = handle.createQuery(COUNTS)
                .bind("from", time(period.from()))
                .bind("to", time(period.to()))
                .map((row, context) -> new long[] {row.getLong(1), row.getLong(2)})
                .one();
        List<TransitTimes> transit = handle.createQuery(transitTimes)
                .bind("from", time(period.from()))
                .bind("to", time(period.to()))
                .map((row, context) -> {
                    ColumnReader in = new ColumnReader(row, 1, engine);
                    Optional<CountryCode> origin = in.country();
                    Optional<CountryCode> destination = in.country();
                    return new TransitTimes(origin, destination, in.longInteger(), micros(in.longInteger()),
                            micros(in.longInteger()));
                })
                .list();
        return new Figures(byStatus, byCarrier, counts[0], counts[1], stalled, transit);
    }

    private record Group(Carrier carrier, ShipmentStatus status, long shipments, long stalled) {}

    // A time column in microseconds since the epoch: SQLite's as it is; PostgreSQL's epoch is exact numeric (14+).
    private String micros(String column) {
        return engine == Engine.POSTGRES ? "CAST(EXTRACT(EPOCH FROM " + column + ") * 1000000 AS BIGINT)" : column;
    }

    private static Duration micros(long micros) {
        return Duration.of(micros, ChronoUnit.MICROS);
    }

    // Through the engine, which types the value for the column.
    private Argument time(Instant instant) {
        OffsetDateTime value = Times.utc(instant.truncatedTo(ChronoUnit.MICROS));
        return (position, statement, context) -> engine.setTime(statement, position, value);
    }
}
