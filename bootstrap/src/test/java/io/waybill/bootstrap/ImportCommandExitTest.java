package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code waybill import}'s summary and exit status when the file breaks part way or the import crashes, in a process
 * of its own on the embedded SQLite file, as a user runs it.
 */
class ImportCommandExitTest {

    private static final String HEADER = "tracking_number,carrier,sender_address,receiver_address,article_name,"
            + "article_quantity,article_price,SKU,status\n";

    @TempDir
    Path directory;

    /**
     * 2,500 shipments (more than an import keeps open), then bytes that are not UTF-8: the summary counts
     * exactly what was stored, every shipment but the last, the error names the break's line, and the status is 2.
     * Run again on the mended file, only the withheld shipment is created.
     */
    @Test
    void aFileThatBreaksPartWayStoresWhatWasReadBeforeSaysExactlyWhatAndExits2() throws Exception {
        Map<String, String> environment = TestDatabase.sqliteFile(directory.resolve("data")).environment();
        Path mended = directory.resolve("mended.csv");
        Path broken = directory.resolve("broken.csv");
        int shipments = 2_500;
        long rows = 0;
        try (OutputStream mendedOut = Files.newOutputStream(mended); OutputStream brokenOut = Files.newOutputStream(
                broken)) {
            StringBuilder text = new StringBuilder(HEADER);
            for (int i = 0; i < shipments; i++) {
                for (int article = 0; article <= i % 2; article++) {
                    text.append("TN%08d,DHL,\"Street 1, 10115 Berlin, Germany\",".formatted(i)).append(
                            "\"Street 10, 75001 Paris, France\",Lamp %d,1,10,LA1,in_transit\n".formatted(article));
                    rows++;
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            mendedOut.write(bytes);
            brokenOut.write(bytes);
            brokenOut.write(new byte[] {'T', 'N', (byte) 0xc0, (byte) 0xaf, '\n'});
        }

        CommandProcess first = CommandProcess.run(environment, directory, "import", broken.toString(), "--quiet");

        assertThat(first.exitStatus()).as(first.out() + first.err()).isEqualTo(ImportCommand.UNREADABLE);
        assertThat(first.out()).contains(String.format(Locale.ROOT, "%,d lines; shipments: %,d created, 0 updated,"
                + " 0 unchanged, 1 rejected (2 lines)", rows, shipments - 1))
                .contains("line " + rows + ": TN%08d/DHL: not imported: the file could not be read past line %d"
                        .formatted(shipments - 1, rows + 1));
        assertThat(first.err()).contains("bytes at line " + (rows + 2) + " are not valid UTF-8")
                .contains("the shipments read before it were imported as counted above, the last one aside");

        CommandProcess again = CommandProcess.run(environment, directory, "import", mended.toString(), "--quiet");

        assertThat(again.exitStatus()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains(String.format(Locale.ROOT, "shipments: 1 created, 0 updated, %,d unchanged,"
                + " 0 rejected", shipments - 1));
    }

    /** A crash is not "lines rejected" (1): out of memory on a field of 15 million characters exits 3. */
    @Test
    void anImportThatRunsOutOfMemoryExits3() throws Exception {
        Map<String, String> environment = new HashMap<>(TestDatabase.sqliteFile(directory.resolve("data")).environment());
        environment.put("JAVA_TOOL_OPTIONS", "-Xmx48m");
        Path file = directory.resolve("huge-field.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "TN00000001,DHL,a,b,\"").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 15; i++) {
                out.write(chunk);
            }
            out.write("\",1,10,LA1,in_transit\n".getBytes(StandardCharsets.UTF_8));
        }

        CommandProcess crashed = CommandProcess.run(environment, directory, "import", file.toString(), "--quiet");

        assertThat(crashed.exitStatus()).as(crashed.out() + crashed.err()).isEqualTo(ImportCommand.CRASHED);
        assertThat(crashed.err()).contains("OutOfMemoryError");
    }

    @Test
    void theHelpListsEveryExitStatus() throws Exception {
        CommandProcess help = CommandProcess.run(Map.of(), directory, "import", "--help");

        assertThat(help.exitStatus()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("0 every line was imported",
                "1 some lines were rejected", "2 the file cannot be read", "3 the import crashed");
    }
}
