import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/**
 * What a row of an issued number costs SQLite (WAL, synchronous=FULL, as Waybill runs it), by index: the shipments
 * table with and without its unique (tracking_number, carrier) index and its three listing indexes. 600,000 rows in
 * commits of 64 (about the group commit's batches under load) from one thread; the CPU of that thread (SQLite runs in
 * it) over the last 200,000 rows, when the table is as large as after a long run. Numbers are random, as the keyed
 * permutation makes them; times grow, as issue times do. Run by bench/insert-cost.sh.
 */
public class InsertCost {

    private static final int ROWS = 600_000;
    private static final int MEASURED = 200_000;
    private static final int BATCH = 64;

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("insert-cost-");
        for (String variant : args.length > 0 ? List.of(args) : List.of("all", "no-listing", "no-unique", "none")) {
            run(directory.resolve(variant + ".db"), variant);
        }
    }

    private static void run(Path file, String variant) throws Exception {
        Properties settings = new Properties();
        settings.setProperty("journal_mode", "WAL");
        settings.setProperty("synchronous", "FULL");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, settings)) {
            try (Statement schema = connection.createStatement()) {
                boolean unique = variant.equals("all") || variant.equals("no-listing");
                boolean listing = variant.equals("all") || variant.equals("no-unique");
                schema.execute("CREATE TABLE shipments (id INTEGER PRIMARY KEY, tracking_number TEXT NOT NULL,"
                        + " carrier TEXT NOT NULL, status TEXT NOT NULL, origin_country TEXT, destination_country TEXT,"
                        + " weight_kg TEXT, customer_id TEXT, customer_name TEXT, customer_slug TEXT,"
                        + " order_created_at INTEGER, order_created_offset INTEGER, order_created_nano INTEGER,"
                        + " created_at INTEGER NOT NULL, estimated_delivery TEXT"
                        + (unique ? ", UNIQUE (tracking_number, carrier))" : ")"));
                if (listing) {
                    schema.execute("CREATE INDEX l1 ON shipments (created_at DESC, tracking_number DESC, carrier DESC)");
                    schema.execute("CREATE INDEX l2 ON shipments (customer_id, created_at DESC, tracking_number DESC,"
                            + " carrier DESC)");
                    schema.execute("CREATE INDEX l3 ON shipments (status, created_at DESC, tracking_number DESC,"
                            + " carrier DESC)");
                }
            }
            connection.setAutoCommit(false);
            Random random = new Random(1);
            long base = 1_764_000_000_000_000L;
            long cpuStart = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO shipments (tracking_number,"
                    + " carrier, status, origin_country, destination_country, weight_kg, customer_id, customer_name,"
                    + " customer_slug, order_created_at, order_created_offset, order_created_nano, created_at,"
                    + " estimated_delivery) VALUES (?, 'WAYBILL', 'created', 'MY', 'ID', '1.234',"
                    + " 'de619854-b59b-425e-9db4-943979e1bd49', 'RedBox Logistics', 'redbox-logistics', ?, 28800, 0,"
                    + " ?, '2026-12-09')")) {
                for (int row = 0; row < ROWS; row += BATCH) {
                    if (row == ROWS - MEASURED) {
                        cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    }
                    for (int i = row; i < row + BATCH; i++) {
                        insert.setString(1, Long.toString(Math.floorMod(random.nextLong(), 2_176_782_336L) * 1000 + i % 1000, 36));
                        insert.setLong(2, base);
                        insert.setLong(3, base + i * 50L);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart;
            System.out.printf("%-11s %5.1f µs of CPU a row, %d bytes a row%n", variant, cpu / 1e3 / MEASURED,
                    Files.size(file) / ROWS);
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }
}
