package io.waybill.bootstrap;

import io.waybill.adapters.http.HttpSettings;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code waybill serve}: the HTTP service, until the process is stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Starts the HTTP service. Configured by environment variables (see README.md); by default"
                + " it keeps its data in SQLite, in ./data/waybill.db. Stops cleanly on SIGTERM or Ctrl-C: /ready"
                + " answers 503 at once, requests are served for WAYBILL_SHUTDOWN_GRACE_MS more (5000), then those in"
                + " progress finish, what is queued is stored, and the process exits with 0.")
final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            description = "TCP port to listen on, 0 for any free port (default: WAYBILL_HTTP_PORT or 8080).")
    Integer port;

    @Option(names = "--host", description = "Address to listen on (default: WAYBILL_HTTP_HOST or 0.0.0.0).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        WaybillConfig config = WaybillConfig.fromEnvironment(System.getenv()).requireReportStore();
        HttpSettings http = config.http().orElseThrow();
        config = config.withHttp(http.withAddress(host == null ? http.host() : host, port == null ? http.port() : port));
        Waybill waybill = Waybill.start(config);
        // SIGTERM (or Ctrl-C) runs this hook: the service stops gracefully (WAYBILL_SHUTDOWN_GRACE_MS), then the hook
        // ends the process. Left to itself, the JVM would exit with 143 (128 + SIGTERM) after its hooks; a stop that
        // did all its work is a success, for an operator as for systemd and Docker: 0, and 1 when it did not.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(stop(waybill)),
                "waybill-shutdown"));
        System.out.println("Waybill listening on http://" + config.http().orElseThrow().host() + ":"
                + waybill.httpPort().orElseThrow());
        System.out.flush();
        new CountDownLatch(1).await(); // until the process is stopped: the hook ends it
        return 0;
    }

    /** Stops {@code waybill} gracefully; the process's exit status: 0 when it closed cleanly, 1 otherwise. */
    private static int stop(Waybill waybill) {
        int status = 0;
        try {
            waybill.shutDownGracefully();
            System.out.println("Waybill stopped");
        } catch (RuntimeException e) {
            System.err.println("waybill: did not stop cleanly: " + e.getMessage());
            status = 1;
        }
        System.out.flush();
        System.err.flush();
        return status;
    }
}
