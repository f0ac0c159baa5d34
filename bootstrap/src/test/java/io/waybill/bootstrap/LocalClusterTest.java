package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.adapters.persistence.RepositoryRoot;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's first proof: {@code deploy/local-cluster.sh} runs seed 001's topology on loopback (HAProxy, two
 * {@code serve} processes, a PostgreSQL primary with a streaming replica, Redis), and its load run, shortened, kills an
 * instance under load and restarts both in turn: no number answered twice, and no request failed on the rolling
 * restart.
 */
class LocalClusterTest {

    private static final List<String> TOOLS = List.of("haproxy", "socat", "wrk", "curl", "redis-cli");

    @TempDir
    Path directory;

    @Test
    void anInstanceKilledAndBothRestartedUnderLoadAnswerNoNumberTwiceAndTheRestartFailsNoRequest() throws Exception {
        requireTools();
        // PostgreSQL runs as the postgres user, in a directory below this one.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> environment = new HashMap<>();
        environment.put("CLUSTER_DIR", directory.resolve("cluster").toString());
        environment.put("CLUSTER_PORT", String.valueOf(freePort()));
        environment.put("INSTANCE_PORTS", freePort() + " " + freePort());
        environment.put("PG_PORTS", freePort() + " " + freePort());
        environment.put("WAYBILL_COMMAND", Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
                + System.getProperty("java.class.path") + " " + Main.class.getName());
        environment.put("DURATION", "4s");
        environment.put("WARMUP", "3s");
        environment.put("SHIPMENTS", "50");
        try {
            Run started = run(environment, "start");
            assertThat(started.status()).as(started.output()).isZero();

            Run load = run(environment, "load");

            assertThat(load.status()).as(load.output()).isZero();
            Map<String, String[]> rows = rows(load.output());
            assertThat(rows).as(load.output()).containsKeys("two instances /next-tracking-number",
                    "one instance /next-tracking-number", "one killed mid-load /next-tracking-number",
                    "rolling restart of both /next-tracking-number");
            assertThat(Double.parseDouble(rows.get("two instances /next-tracking-number")[0])).isPositive();
            assertThat(rows.get("one killed mid-load /next-tracking-number")[4]).as("duplicates").isEqualTo("0");
            assertThat(rows.get("rolling restart of both /next-tracking-number")[3]).as("failed requests: "
                    + load.output()).isEqualTo("0");
            assertThat(rows.get("rolling restart of both /next-tracking-number")[4]).as("duplicates").isEqualTo("0");
        } finally {
            Run stopped = run(environment, "stop");
            assertThat(stopped.status()).as(stopped.output()).isZero();
        }
    }

    // A row of the load run: scenario (words), route, requests/s, p50, p99, failed, duplicates.
    private static final Pattern ROW =
            Pattern.compile("(\\S.*?)\\s{2,}(/\\S+|lookup \\(cached\\))\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)");

    // "scenario route" → requests/s, p50, p99, failed, duplicates.
    private static Map<String, String[]> rows(String output) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (row.matches()) {
                rows.put(row.group(1) + " " + row.group(2), new String[] {row.group(3), row.group(4), row.group(5),
                        row.group(6), row.group(7)});
            }
        }
        return rows;
    }

    private static void requireTools() throws Exception {
        for (String tool : TOOLS) {
            Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
            if (which.waitFor() != 0) {
                String missing = tool + " is missing (apt-get install -y " + tool.replace("redis-cli", "redis-tools")
                        + "; .ci/run installs it)";
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException(missing);
                }
                Assumptions.abort(missing);
            }
        }
    }

    private Run run(Map<String, String> environment, String command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(directory, command, ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "deploy/local-cluster.sh", command)
                .directory(RepositoryRoot.find().toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Run(-1, "timed out\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Run(int status, String output) {}
}
