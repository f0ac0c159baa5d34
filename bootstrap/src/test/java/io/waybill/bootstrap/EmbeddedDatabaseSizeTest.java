package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's first proof: numbers issued at full load (32 threads at once) take, on the embedded default's disk, at
 * most 1.5 times the bytes PostgreSQL's shipments table and its indexes take for the same numbers, measured in the
 * same run: while the service runs after the load, after it stops, and after a restart. Every file in the data
 * directory counts, the write-ahead log too.
 */
class EmbeddedDatabaseSizeTest {

    private static final int NUMBERS = 40_000;
    private static final int THREADS = 32;
    private static final double BOUND = 1.5;

    @TempDir
    Path directory;

    @Test
    void numbersIssuedAtFullLoadTakeAtMostOneAndAHalfTimesPostgresBytes() throws Exception {
        double postgres;
        try (TestDatabase database = TestDatabase.postgres()) {
            try (Waybill waybill = Waybill.start(WaybillConfig.fromEnvironmentWithoutHttp(database.environment()))) {
                issue(waybill, NUMBERS);
            }
            postgres = (double) database.postgresShipmentBytes() / NUMBERS;
        }
        Path data = directory.resolve("data");
        Map<String, String> environment = TestDatabase.sqliteFile(data).environment();
        double running;
        try (Waybill waybill = Waybill.start(WaybillConfig.fromEnvironmentWithoutHttp(environment))) {
            issue(waybill, NUMBERS);
            running = bytesPerNumber(data, NUMBERS);
        }
        double stopped = bytesPerNumber(data, NUMBERS);
        try (Waybill waybill = Waybill.start(WaybillConfig.fromEnvironmentWithoutHttp(environment))) {
            issue(waybill, 1);
        }
        double restarted = bytesPerNumber(data, NUMBERS + 1);

        String figures = String.format("bytes a number: PostgreSQL %.0f; SQLite while running %.0f, stopped %.0f,"
                + " after a restart %.0f", postgres, running, stopped, restarted);
        System.out.println(figures);
        assertThat(postgres).as(figures).isGreaterThan(100);
        assertThat(List.of(running, stopped, restarted)).as(figures).allSatisfy(
                bytes -> assertThat(bytes).isLessThanOrEqualTo(BOUND * postgres));
    }

    private static void issue(Waybill waybill, int numbers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> issuing = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int share = numbers / THREADS + (thread < numbers % THREADS ? 1 : 0);
                issuing.add(threads.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        waybill.nextTrackingNumber(Orders.sample());
                    }
                }));
            }
            for (Future<?> each : issuing) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static double bytesPerNumber(Path directory, int numbers) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            long bytes = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(file);
            }
            return (double) bytes / numbers;
        }
    }
}
