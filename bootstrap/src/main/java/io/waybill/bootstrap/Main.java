package io.waybill.bootstrap;

import java.util.Locale;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code waybill} command line. */
@Command(
        name = "waybill",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Parcel tracking: tracking numbers, shipment histories, lookups and status reports.",
        subcommands = {ServeCommand.class, ImportCommand.class, FakeCommand.class, ReportCommand.class})
public final class Main implements Runnable {

    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The command line's own logging setup; as a library, Waybill leaves logging to the application.
        String format = Objects.requireNonNullElse(System.getenv("WAYBILL_LOG_FORMAT"), "").strip()
                .toLowerCase(Locale.ROOT);
        if (!format.isEmpty() && !format.equals("text") && !format.equals("json")) {
            System.err.println("waybill: WAYBILL_LOG_FORMAT must be text or json");
            System.exit(2);
        }
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, format.equals("json") ? "waybill-logback-json.xml"
                    : "waybill-logback.xml");
        }
        System.exit(run(args));
    }

    /**
     * The exit status: a command's own, or for a failure it did not handle (its exception, or an error such as
     * {@code OutOfMemoryError}, which picocli lets through) the command's {@code exitCodeOnExecutionException}, so that
     * a crash never passes for one of the statuses a command gives on purpose ({@code import}'s 1, rows rejected).
     */
    static int run(String... args) {
        CommandLine line = new CommandLine(new Main())
                .setExecutionExceptionHandler((error, command, parsed) -> {
                    command.getErr().println("waybill: " + error.getMessage());
                    return command.getCommandSpec().exitCodeOnExecutionException();
                });
        try {
            return line.execute(args);
        } catch (Error error) {
            CommandLine command = line.getParseResult() == null ? line : line.getParseResult().asCommandLineList()
                    .get(line.getParseResult().asCommandLineList().size() - 1);
            System.err.println("waybill: crashed: " + error);
            return command.getCommandSpec().exitCodeOnExecutionException();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"waybill " + (version == null ? "(development build)" : version)};
        }
    }
}
