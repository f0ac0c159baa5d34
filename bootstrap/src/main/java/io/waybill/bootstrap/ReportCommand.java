package io.waybill.bootstrap;

import io.waybill.adapters.persistence.archive.ReportArchives;
import io.waybill.application.port.in.PublishReportUseCase.Published;
import io.waybill.application.port.out.ReportArchiveUnavailableException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code waybill report [--out FILE|-]}: the status report of now, into the report store or a file. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = ReportCommand.CRASHED,
        description = {
            "Makes the status report of now: shipments per status (the seed's trackingSummary) and per carrier,"
                    + " deliveries and exceptions since the schedule's latest time, stalled shipments, transit times.",
            "",
            "Without --out, it is kept in the database and written to the report store, as a scheduled report is:"
                    + " WAYBILL_REPORT_STORE, by default ./data/reports on the embedded database (required with"
                    + " PostgreSQL). A store that refuses it leaves it waiting in the database, where a running"
                    + " 'waybill serve' tries again. Works while 'serve' runs.",
            "",
            "Exit status: 0 when done; 1 when the store refused the report (it waits in the database); 2 for a bad"
                    + " option, a bad setting or a file that cannot be written; 3 when no report could be made (the"
                    + " database down, say): nothing was kept."
        })
final class ReportCommand implements Callable<Integer> {

    /** No report was made or kept: the command failed in a way it does not handle, such as the database down. */
    static final int CRASHED = 3;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the report to FILE (- for standard output) instead, and keep it nowhere else.")
    Path out;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        WaybillConfig config;
        try {
            config = WaybillConfig.fromEnvironmentWithoutHttp(System.getenv());
            if (out == null) {
                config.requireReportStore();
            }
        } catch (IllegalArgumentException e) {
            err.println("waybill report: " + e.getMessage());
            return 2;
        }
        try (Waybill waybill = Waybill.start(config)) {
            return out == null ? publish(waybill) : write(waybill.reportOfNow());
        }
    }

    private static int publish(Waybill waybill) {
        Published published = waybill.publishReport();
        String name = published.report().name();
        if (published.archiveError().isPresent()) {
            System.err.println("waybill report: the store refused " + name + ": " + published.archiveError().get()
                    + "; it waits in the database, and a running 'waybill serve' tries again");
            return 1;
        }
        System.out.println(published.report().location().map(location -> name + " written to " + location)
                .orElse(name + " kept in the database (no report store is configured)"));
        return 0;
    }

    // Whole or not at all, as the directory archive writes a report: beside the file, synced, then moved over it.
    private int write(byte[] document) {
        if (out.toString().equals("-")) {
            System.out.write(document, 0, document.length);
            System.out.println();
            System.out.flush();
            return 0;
        }
        Path target = out.toAbsolutePath();
        try (ReportArchives.Archive directory = ReportArchives.open(
                new ReportArchives.Store.Directory(target.getParent()), Optional.empty())) {
            directory.put(target.getFileName().toString(), document);
            System.out.println("report written to " + out);
            return 0;
        } catch (ReportArchiveUnavailableException e) {
            System.err.println("waybill report: cannot write " + out + ": " + e.getMessage());
            return 2;
        }
    }
}
