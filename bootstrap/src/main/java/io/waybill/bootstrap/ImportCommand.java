package io.waybill.bootstrap;

import io.waybill.adapters.persistence.Persistence;
import io.waybill.application.port.in.ImportShipmentsUseCase.MalformedFileException;
import io.waybill.application.port.in.ImportShipmentsUseCase.Mode;
import io.waybill.application.port.in.ImportShipmentsUseCase.Report;
import io.waybill.application.port.in.ImportShipmentsUseCase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code waybill import FILE}: shipments from a track-and-trace CSV file into the configured database. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Imports shipments from a CSV file into the database Waybill is configured with (by default the"
                    + " SQLite file ./data/waybill.db; WAYBILL_DATABASE_URL for PostgreSQL).",
            "",
            "The file: UTF-8, a header line naming the columns tracking_number, carrier, sender_address,"
                    + " receiver_address, article_name, article_quantity, article_price, SKU and status, in any order"
                    + " (others are ignored), then one row per article. Rows with the same tracking number and carrier"
                    + " are one shipment and must agree on addresses and status. Addresses such as 'Street 10, 75001"
                    + " Paris, France' are split into street, zip, city and country. Statuses are carriers' wordings"
                    + " (in_transit, inbound-scan, delivery, ...), kept as written beside the canonical status;"
                    + " WAYBILL_STATUS_MAPPING adds wordings.",
            "",
            "Importing a file again creates nothing new: shipments already stored are counted as unchanged, or"
                    + " updated when their status changed. A bad row is reported with its line number and skips its"
                    + " whole shipment; the others are imported.",
            "",
            "If the file breaks part way (bytes that are not UTF-8, a quote that never closes), the shipments read"
                    + " before the break are imported all the same, but for the last one, whose rows may go on past"
                    + " it; the summary counts exactly what was done, and the error names the break's line. With"
                    + " --strict or --dry-run nothing is written.",
            "",
            "Exit status:",
            "  0  every line was imported",
            "  1  some lines were rejected (listed with their line numbers); the others were imported",
            "  2  the file cannot be read: not found, not the format, or broken part way (see above)",
            "  3  the import crashed (out of memory, the database unavailable, a bug): shipments written before"
                    + " are stored whole; run it again, what is stored counts as unchanged"
        },
        exitCodeOnExecutionException = ImportCommand.CRASHED)
final class ImportCommand implements Callable<Integer> {

    static final int REJECTED = 1;
    static final int UNREADABLE = 2;
    static final int CRASHED = 3;

    @Parameters(paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @ArgGroup(exclusive = true)
    Checks checks = new Checks();

    @Option(names = "--quiet", description = "No progress: only the summary and errors.")
    boolean quiet;

    private FileChannel reading;

    static final class Checks {

        @Option(names = "--strict", description = "Import nothing if any line is bad.")
        boolean strict;

        @Option(names = "--dry-run", description = "Check the file and tell what would change; write nothing.")
        boolean dryRun;
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("waybill import: cannot read " + file + ": no such file, or not readable");
            return UNREADABLE;
        }
        Mode mode = checks.strict ? Mode.STRICT : checks.dryRun ? Mode.DRY_RUN : Mode.IMPORT;
        try (Stream<ImportShipmentsUseCase.Line> header =
                Persistence.shipmentFileReader().lines(bytes(), file.toString())) {
            // the header is read and checked before the database is opened
        } catch (MalformedFileException e) {
            err.println("waybill import: " + file + ": " + e.getMessage());
            return UNREADABLE;
        }
        try (Waybill waybill = Waybill.start(WaybillConfig.fromEnvironmentWithoutHttp(System.getenv()))) {
            ProgressBar progress = new ProgressBar(err, ProgressBar.Style.of(quiet), "lines", this::position,
                    size());
            try {
                Report report = waybill.importShipments(
                        new ImportShipmentsUseCase.Command(bytes(), file.toString(), mode, progress::update));
                progress.finish();
                print(report, out);
                return report.rejectedLines() == 0 ? 0 : REJECTED;
            } catch (ImportShipmentsUseCase.IncompleteImportException e) {
                progress.finish();
                if (!(e.getCause() instanceof MalformedFileException
                        || e.getCause() instanceof UncheckedIOException)) {
                    throw e;
                }
                print(e.report(), out);
                err.println("waybill import: " + file + ": " + e.getMessage() + (e.report().written()
                        ? "; the shipments read before it were imported as counted above, the last one aside: run"
                                + " it again once the file is mended, they count as unchanged"
                        : "; nothing was imported"));
                return UNREADABLE;
            }
        }
    }

    // Each reading of the file has a channel of its own, whose position tells the progress how far it is.
    private InputStream bytes() {
        try {
            FileChannel channel = FileChannel.open(file);
            reading = channel;
            return Channels.newInputStream(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private long position() {
        try {
            FileChannel channel = reading;
            return channel == null ? 0 : channel.isOpen() ? channel.position() : size();
        } catch (IOException e) {
            return 0;
        }
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void print(Report report, PrintStream out) {
        String verb = report.written() ? "" : " (nothing written)";
        out.printf(Locale.ROOT, "%s: %,d lines; shipments: %,d created, %,d updated, %,d unchanged, %,d rejected"
                        + " (%,d lines)%s%n", file, report.lines(), report.created(), report.updated(),
                report.unchanged(), report.rejectedShipments(), report.rejectedLines(), verb);
        report.rejections().forEach(rejection -> out.println("  line " + rejection.line() + ": "
                + rejection.reason()));
        if (report.rejectedLines() > report.rejections().size()) {
            out.printf(Locale.ROOT, "  (the first %d rejections are listed; the rows of a rejected shipment are"
                    + " rejected with it)%n", report.rejections().size());
        }
    }
}
