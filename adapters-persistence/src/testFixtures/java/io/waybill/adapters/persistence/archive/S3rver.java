package io.waybill.adapters.persistence.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import io.waybill.adapters.persistence.RepositoryRoot;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: s3rver (npm), installed by {@code .ci/run} into {@code .ci/node} of the
 * repository. Listens on 127.0.0.1 on a free port, keeps its objects in a temporary directory, and has one bucket.
 * It can be {@link #stop stopped} and {@link #start started} again on the same port and directory, to test an outage.
 *
 * <p>When s3rver is not installed, {@link #start(String)} skips the test on a developer's machine and fails it under
 * CI ({@code CI=true}). Its credentials are {@link #ACCESS_KEY_ID} and {@link #SECRET_ACCESS_KEY}; it checks their
 * signatures, and takes path-style requests ({@code http://127.0.0.1:port/bucket/key}).
 *
 * <p>Shared with bootstrap's tests: their POM adds this directory as a test source root, as the parent POM's
 * {@code port-contracts} execution does for application's fixtures.
 */
public final class S3rver implements AutoCloseable {

    public static final String ACCESS_KEY_ID = "S3RVER";
    public static final String SECRET_ACCESS_KEY = "S3RVER";
    public static final String INSTALL = "npm install --prefix .ci/node s3rver@3.7.1";

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN = Duration.ofSeconds(10);

    private final Path executable;
    private final Path directory;
    private final Path log;
    private final String bucket;
    private final int port;
    private Process process;

    private S3rver(Path executable, Path directory, String bucket, int port) {
        this.executable = executable;
        this.directory = directory;
        this.log = directory.resolveSibling(directory.getFileName() + ".log");
        this.bucket = bucket;
        this.port = port;
    }

    /**
     * Starts s3rver with {@code bucket} in a new temporary directory, and returns once it accepts connections.
     *
     * @throws org.opentest4j.TestAbortedException when s3rver is not installed, outside CI
     */
    public static S3rver start(String bucket) {
        Path executable = executable();
        try {
            Path home = Files.createTempDirectory("waybill-s3rver-");
            S3rver server = new S3rver(executable, Files.createDirectory(home.resolve("data")), bucket, freePort());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the stopped server again, on the same port with the same objects; returns once it accepts connections. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("s3rver is running already on port " + port);
        }
        try {
            process = new ProcessBuilder(List.of(executable.toString(), "-d", directory.toString(),
                            "-a", "127.0.0.1", "-p", Integer.toString(port), "--configure-bucket", bucket))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + executable, e);
        }
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3rver ended with status " + process.exitValue() + ": " + logTail());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("s3rver did not listen on port " + port + " within " + STARTUP + ": "
                        + logTail());
            }
            pause(); // between two tries to connect, not to wait for an event
        }
    }

    /** Ends the server's process and returns once it has ended: the port refuses connections. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while stopping s3rver", e);
        }
        process = null;
    }

    /** Where to send S3 requests: {@code http://127.0.0.1:port}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * A plain S3 client of this server, for a test to see what is in the bucket past the code under test: path-style,
     * its credentials, whole bodies (no aws-chunked framing, which s3rver would keep), checksums only where required.
     * The caller closes it.
     */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .serviceConfiguration(s3 -> s3.chunkedEncodingEnabled(false))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    public String bucket() {
        return bucket;
    }

    public int port() {
        return port;
    }

    /** Stops the server and deletes its directory and log. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(directory.getParent())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@code .ci/node/node_modules/.bin/s3rver} of the repository this runs in; skips or fails when missing. */
    private static Path executable() {
        Path root = RepositoryRoot.find();
        Path executable = root.resolve(".ci/node/node_modules/.bin/s3rver");
        if (!Files.isExecutable(executable)) {
            String missing = "s3rver is not installed at " + executable + "; run `" + INSTALL + "` in " + root;
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing + " (.ci/run does so)");
            }
            Assumptions.abort(missing);
        }
        return executable;
    }
}
