import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver for the benchmarks: reads each POST's body and answers 204 at once, as a shop's receiver that
 * queues what it gets would. Prints its port, then serves until killed; the count of messages received is printed to
 * standard error on exit.
 *
 *   java bench/WebhookReceiver.java
 */
public class WebhookReceiver {
    public static void main(String[] args) throws IOException {
        AtomicLong received = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("messages received: " + received)));
        server.start();
        System.out.println(server.getAddress().getPort());
    }
}
