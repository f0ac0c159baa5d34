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
                + " it keeps its data in SQLite, in ./data/waybill.db. Stops cleanly on SIGTERM or Ctrl-C.")
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            waybill.close();
            stopped.countDown();
        }, "waybill-shutdown"));
        System.out.println("Waybill listening on http://" + config.http().orElseThrow().host() + ":"
                + waybill.httpPort().orElseThrow());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
