package io.waybill.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code waybill serve} in a process of its own, on the test's class path, so that it can be killed for real. */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Waybill listening on http://[^:]+:(\\d+)");

    private final Process process;
    private final int port;
    private final List<String> printedBefore;

    private ServiceProcess(Process process, int port, List<String> printedBefore) {
        this.process = process;
        this.port = port;
        this.printedBefore = List.copyOf(printedBefore);
    }

    /**
     * Starts the service on a free port with {@code environment} added, and waits until it listens. Rate limits are
     * off unless {@code environment} sets them: a test's requests all come from one address; so is the shutdown grace,
     * so that {@link #close} does not wait for a load balancer there is none of.
     */
    static ServiceProcess start(Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--host", "127.0.0.1", "--port", "0");
        builder.environment().put("WAYBILL_RATE_LIMIT_PER_SECOND", "0");
        builder.environment().put("WAYBILL_SHUTDOWN_GRACE_MS", "0");
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> printed = new ArrayList<>();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                return new ServiceProcess(process, Integer.parseInt(listening.group(1)), printed);
            }
            printed.add(line);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service ended before it listened; its log: " + Files.readString(log));
    }

    int port() {
        return port;
    }

    /** What the service wrote on standard output before it said it listened (such as Logback's status, if any). */
    List<String> printedBeforeListening() {
        return printedBefore;
    }

    /** Like {@code kill -9}: no shutdown hook runs, nothing queued is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Sends SIGTERM, as systemd, Docker and {@code kill} stop a service ({@link Process#destroy} does, on Unix). */
    void terminate() {
        process.destroy();
    }

    /** The exit status, once the process has ended within {@code within}. */
    int exitStatus(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service still runs " + within + " later");
        }
        return process.exitValue();
    }

    /** Stops the service with SIGTERM, and waits until it has ended. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
