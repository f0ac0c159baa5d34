package io.waybill.bootstrap;

import io.waybill.adapters.persistence.Persistence;
import io.waybill.application.port.in.FakeShipmentsUseCase.Created;
import io.waybill.application.port.in.FakeShipmentsUseCase.Generation;
import io.waybill.application.port.out.ShipmentFileWriter;
import io.waybill.domain.Shipment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code waybill fake --count N}: realistic generated shipments, into the database or into an import file. */
@Command(
        name = "fake",
        mixinStandardHelpOptions = true,
        description = {
            "Generates realistic shipments and stores them in the database Waybill is configured with (by default the"
                    + " SQLite file ./data/waybill.db; WAYBILL_DATABASE_URL for PostgreSQL), or, with --csv, writes them as a"
                    + " file for 'waybill import'.",
            "",
            "Senders, recipients, centres and phones come from several regions (Taiwan, with the logistics system's"
                    + " 16 centres and 18 recipients as one of them, the United States, Germany, France and the"
                    + " Netherlands); carriers, articles with SKUs and prices; histories that follow the logistics"
                    + " system's lifecycle, ending up to two weeks ago. Numbers are in Waybill's format.",
            "",
            "Exit status: 0 when done, 2 for a bad option or a file that cannot be written."
        })
final class FakeCommand implements Callable<Integer> {

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many shipments.")
    long count;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Write the shipments to FILE (- for standard output) in the import format, a row per article,"
                    + " instead of storing them.")
    Path csv;

    @Option(names = "--seed", paramLabel = "S",
            description = "Make the same shipments every time (with the same count); their times end at the start of"
                    + " the current UTC day then, so a run on another day moves them.")
    Long seed;

    @Option(names = "--quiet", description = "No progress: only the summary and errors.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (count < 1) {
            err.println("waybill fake: --count must be at least 1; got " + count);
            return 2;
        }
        boolean toStandardOutput = csv != null && csv.toString().equals("-");
        AtomicLong made = new AtomicLong();
        ProgressBar progress = new ProgressBar(err, ProgressBar.Style.of(quiet), "shipments", made::get, count);
        Generation generation = new Generation(count, seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
                until(), done -> {
                    made.set(done);
                    progress.update(done);
                });
        if (csv != null) {
            return writeCsv(generation, toStandardOutput, progress);
        }
        try (Waybill waybill = Waybill.start(WaybillConfig.fromEnvironmentWithoutHttp(System.getenv()))) {
            long started = System.nanoTime();
            Created created = waybill.fakeShipments(generation, shipment -> {});
            progress.finish();
            System.out.printf(Locale.ROOT, "%,d shipments created%s in %.1f s%n", created.created(),
                    created.existing() == 0 ? "" : String.format(Locale.ROOT, ", %,d existed already (same seed)",
                            created.existing()),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        }
    }

    private int writeCsv(Generation generation, boolean toStandardOutput, ProgressBar progress) {
        long rows = 0;
        try (ShipmentFileWriter.File writer = Persistence.shipmentFileWriter().open(output(toStandardOutput));
                Stream<Shipment> shipments = Waybill.generateShipments(generation)) {
            for (var iterator = shipments.iterator(); iterator.hasNext(); ) {
                rows += writer.write(iterator.next());
            }
        } catch (IOException | UncheckedIOException e) {
            progress.finish();
            System.err.println("waybill fake: cannot write " + csv + ": " + e.getMessage());
            return 2;
        }
        progress.finish();
        if (!toStandardOutput) {
            System.out.printf(Locale.ROOT, "%s: %,d shipments, %,d rows%n", csv, count, rows);
        }
        return 0;
    }

    private OutputStream output(boolean toStandardOutput) throws IOException {
        return toStandardOutput ? System.out : Files.newOutputStream(csv);
    }

    private Instant until() {
        Instant now = Instant.now();
        return seed == null ? now : now.truncatedTo(ChronoUnit.DAYS);
    }
}
