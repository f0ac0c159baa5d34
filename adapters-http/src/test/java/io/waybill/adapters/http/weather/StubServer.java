package io.waybill.adapters.http.weather;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on port 0 answering canned bodies by path and query, recording every request's URI. An answer
 * may hold until the server closes, standing for a service that never answers. Thread-safe.
 */
final class StubServer implements AutoCloseable {

    /** A canned answer; {@link #HANG} never comes before the server closes. */
    record Canned(int status, String body) {}

    static final Canned HANG = new Canned(-1, "");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, Function<URI, Canned>> byPath = new ConcurrentHashMap<>();
    private final List<URI> requests = new CopyOnWriteArrayList<>();

    StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Answers every request whose path ends with {@code pathEnd}, whatever its query. */
    StubServer on(String pathEnd, Function<URI, Canned> answer) {
        byPath.put(pathEnd, answer);
        return this;
    }

    StubServer on(String pathEnd, int status, String body) {
        return on(pathEnd, uri -> new Canned(status, body));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<URI> requests() {
        return List.copyOf(requests);
    }

    List<String> paths() {
        return requests.stream().map(URI::getPath).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(uri);
        Canned canned = byPath.entrySet().stream()
                .filter(route -> uri.getPath().endsWith(route.getKey()))
                .map(route -> route.getValue().apply(uri))
                .findFirst()
                .orElse(new Canned(404, "{\"error\":true,\"reason\":\"no such path\"}"));
        try (exchange) {
            if (canned == HANG) {
                closing.await();
                return;
            }
            byte[] body = canned.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(canned.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
