import io.waybill.adapters.persistence.DatabaseSettings;
import io.waybill.adapters.persistence.Persistence;
import io.waybill.application.port.out.ReportFigures;
import io.waybill.domain.report.ReportPeriod;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Times, in one run, the bare count per status and the status report's figures (Persistence.reportFigures(), as the
 * report runs them), each the best of RUNS runs after as many warm-ups, and prints both and their ratio (bench/report.sh):
 *
 * <pre>java -cp waybill.jar bench/ReportBench.java JDBC_URL USER SCHEMA RUNS</pre>
 */
public class ReportBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String schema = args[2];
        int runs = Integer.parseInt(args[3]);
        DatabaseSettings settings =
                new DatabaseSettings(url, user, "", Optional.of(schema), 4, Duration.ofSeconds(5));
        Instant now = Instant.now();
        // waybill fake --seed ends its histories at the start of today (UTC), spread over the two weeks before: the
        // slot from 08:00 to 16:00 two days ago holds a day's share of deliveries.
        Instant day = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
        ReportPeriod period = new ReportPeriod(day.plus(Duration.ofHours(8)), day.plus(Duration.ofHours(16)));
        Instant stalledBefore = now.minus(Duration.ofDays(3));
        try (Persistence persistence = Persistence.open(settings, Clock.systemUTC());
                Connection connection = DriverManager.getConnection(url, user, "")) {
            connection.setSchema(schema);
            ReportFigures figures = persistence.reportFigures();
            ReportFigures.Figures counted = figures.count(period, stalledBefore);
            System.out.printf(Locale.ROOT, "period %s to %s: %,d shipments, %,d delivered, %,d exceptions, %,d stalled"
                            + " (nothing recorded since %s), %d routes%n", period.from(), period.to(),
                    counted.byStatus().values().stream().mapToLong(Long::longValue).sum(), counted.delivered(),
                    counted.exceptions(), counted.stalled(), stalledBefore, counted.transitTimes().size());
            long worstStalled = figures.count(period, now.plus(Duration.ofDays(1))).stalled();
            for (int round = 1; round <= 2; round++) {
                double bare = best(runs, () -> bareCount(connection));
                double report = best(runs, () -> figures.count(period, stalledBefore));
                double everyStalled = best(runs, () -> figures.count(period, now.plus(Duration.ofDays(1))));
                System.out.printf(Locale.ROOT, "round %d (best of %d):%n", round, runs);
                System.out.printf(Locale.ROOT, "  SELECT status, count(*) FROM shipments GROUP BY status  %8.1f ms%n",
                        bare);
                System.out.printf(Locale.ROOT, "  report (3 statements, stalled = nothing for 3 days)    %8.1f ms"
                        + "  = %.2f x the bare count%n", report, report / bare);
                System.out.printf(Locale.ROOT, "  report, all %,d shipments under way stalled  %8.1f ms  = %.2f x%n",
                        worstStalled, everyStalled, everyStalled / bare);
            }
        }
    }

    private static long bareCount(Connection connection) throws Exception {
        long total = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT status, count(*) FROM shipments GROUP BY status")) {
            while (rows.next()) {
                total += rows.getLong(2);
            }
        }
        return total;
    }

    // Milliseconds of the fastest of `runs` runs, after `runs` warm-ups.
    private static double best(int runs, Callable<?> work) throws Exception {
        for (int i = 0; i < runs; i++) {
            work.call();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            work.call();
            best = Math.min(best, System.nanoTime() - started);
        }
        return best / 1e6;
    }
}
