package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code waybill report} as a user runs it, in a process of its own: into the store, a file or standard output. */
class ReportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void theReportOfNowGoesIntoTheStoreOrAFileOrStandardOutput() throws Exception {
        Map<String, String> environment = TestDatabase.sqliteFile(directory.resolve("data")).environment();
        assertThat(CommandProcess.run(environment, directory, "fake", "--count", "40", "--quiet").exitStatus())
                .isZero();

        CommandProcess printed = CommandProcess.run(environment, directory, "report", "--out", "-");
        CommandProcess written = CommandProcess.run(environment, directory, "report", "--out", "report.json");

        assertThat(printed.exitStatus()).as(printed.err()).isZero();
        JsonNode report = JSON.readTree(printed.out());
        assertThat(report.fieldNames()).toIterable().startsWith("created_at", "trackingSummary", "period");
        assertThat(report.get("total").asInt()).isEqualTo(40);
        assertThat(written.exitStatus()).as(written.err()).isZero();
        assertThat(written.out()).contains("report written to report.json");
        assertThat(JSON.readTree(directory.resolve("report.json").toFile()).get("total").asInt()).isEqualTo(40);
        assertThat(directory.resolve("data/reports")).as("--out keeps it nowhere else").doesNotExist();

        CommandProcess stored = CommandProcess.run(environment, directory, "report");

        assertThat(stored.exitStatus()).as(stored.err()).isZero();
        assertThat(stored.out()).matches("report@\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\.json written to "
                + "\\S+/data/reports/report@\\S+\\.json\\s*");
        try (Stream<Path> files = Files.list(directory.resolve("data/reports"))) {
            Path file = files.findFirst().orElseThrow();
            assertThat(JSON.readTree(file.toFile()).get("total").asInt()).isEqualTo(40);
        }
    }

    @Test
    void aStoreThatRefusesTheReportLeavesItWaitingAndExitsOne() throws Exception {
        Map<String, String> environment = new HashMap<>(TestDatabase.sqliteFile(directory.resolve("data")).environment());
        Files.writeString(directory.resolve("not-a-directory"), "a file where the store should be");
        environment.put("WAYBILL_REPORT_STORE", directory.resolve("not-a-directory").toString());

        CommandProcess refused = CommandProcess.run(environment, directory, "report");

        assertThat(refused.exitStatus()).isEqualTo(1);
        assertThat(refused.err()).contains("the store refused report@").contains("not a directory")
                .contains("it waits in the database, and a running 'waybill serve' tries again");
    }

    @Test
    void withPostgresTheStoreMustBeChosen() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            Map<String, String> environment = new HashMap<>(database.environment());
            environment.remove("WAYBILL_REPORT_STORE");

            CommandProcess unset = CommandProcess.run(environment, directory, "report");
            CommandProcess toFile = CommandProcess.run(environment, directory, "report", "--out", "-");

            assertThat(unset.exitStatus()).isEqualTo(2);
            assertThat(unset.err()).contains("WAYBILL_REPORT_STORE must be set with PostgreSQL");
            assertThat(toFile.exitStatus()).as("a file needs no store").isZero();
            assertThat(JSON.readTree(toFile.out()).get("total").asInt()).isZero();
        }
    }
}
