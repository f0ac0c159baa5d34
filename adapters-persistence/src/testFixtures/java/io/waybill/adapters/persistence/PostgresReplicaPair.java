package io.waybill.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private PostgreSQL primary with a streaming replica for tests, made by {@code deploy/postgres-pair.sh} (initdb and
 * pg_basebackup from Debian's binaries, run as the {@code postgres} user) in a temporary directory, on free ports of
 * loopback; both stopped and the directory deleted on {@link #close}. The replica can be stopped and started again, to
 * test it down.
 *
 * <p>Without PostgreSQL's binaries, a test using it is skipped on a developer's machine and fails under CI
 * ({@code CI=true}). Shared with bootstrap's tests, as the other fixtures here are.
 */
public final class PostgresReplicaPair implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path script;
    private final Path directory;
    private final int primaryPort;
    private final int replicaPort;

    private PostgresReplicaPair(Path script, Path directory, int primaryPort, int replicaPort) {
        this.script = script;
        this.directory = directory;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
    }

    /** Starts both, and returns once the replica streams from the primary. */
    public static PostgresReplicaPair start() {
        Path script = RepositoryRoot.find().resolve("deploy/postgres-pair.sh");
        try {
            Path directory = Files.createTempDirectory("waybill-pg-pair-");
            PostgresReplicaPair pair = new PostgresReplicaPair(script, directory, freePort(), freePort());
            Result started = pair.run("start", String.valueOf(pair.primaryPort), String.valueOf(pair.replicaPort));
            if (started.status() == 2) {
                pair.deleteDirectory();
                String missing = "PostgreSQL's binaries are missing: " + started.output();
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException(missing);
                }
                Assumptions.abort(missing);
            }
            if (started.status() != 0) {
                pair.close();
                throw new IllegalStateException("the PostgreSQL pair did not start: " + started.output());
            }
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/test";
    }

    public String replicaUrl() {
        return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/test";
    }

    /** Stops the replica (a fast shutdown); the primary goes on. */
    public void stopReplica() {
        check(run("stop-replica"), "stop the replica");
    }

    /** Starts the replica again on its port; it catches up with the primary by itself. */
    public void startReplica() {
        check(run("start-replica"), "start the replica");
    }

    @Override
    public void close() {
        try {
            check(run("stop"), "stop the pair");
        } finally {
            deleteDirectory();
        }
    }

    private void check(Result result, String what) {
        if (result.status() != 0) {
            throw new IllegalStateException("could not " + what + ": " + result.output());
        }
    }

    private Result run(String command, String... arguments) {
        List<String> line = new ArrayList<>(List.of("bash", script.toString(), command, directory.toString()));
        line.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile("waybill-pg-pair-", ".log");
            try {
                Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, "timed out: " + String.join(" ", line));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).strip());
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + line, e);
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Result(int status, String output) {}
}
