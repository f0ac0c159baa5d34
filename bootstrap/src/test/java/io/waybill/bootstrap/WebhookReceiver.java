package io.waybill.bootstrap;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscriber's endpoint on port 0 that checks every request's Standard Webhooks signature with its own code (not
 * Waybill's), answers what {@code answer} says for the n-th attempt at a message, and keeps every request. Counts how
 * many requests it is handling at once per message id, so that a test sees whether two instances ever sent one message
 * together.
 */
final class WebhookReceiver implements AutoCloseable {

    record Request(String id, long timestamp, String signature, String body, boolean signed, int status) {}

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private volatile String secret = "whsec_AAAA";

    /** @param answer the status for the n-th (1-based) attempt at message id */
    WebhookReceiver(BiFunction<String, Integer, Integer> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.createContext("/hooks", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            AtomicInteger running = inFlight.computeIfAbsent(String.valueOf(id), key -> new AtomicInteger());
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                int attempt = attempts.computeIfAbsent(String.valueOf(id), key -> new AtomicInteger()).incrementAndGet();
                int status = answer.apply(id, attempt);
                boolean signed = verify(id, timestamp, signature, body);
                synchronized (requests) {
                    requests.add(new Request(id, timestamp == null ? -1 : Long.parseLong(timestamp), signature,
                            new String(body, StandardCharsets.UTF_8), signed, status));
                    requests.notifyAll();
                }
                exchange.sendResponseHeaders(status, -1);
            } finally {
                running.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    void secret(String secret) {
        this.secret = secret;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    /** The specification's algorithm, written here independently of Waybill's. */
    private boolean verify(String id, String timestamp, String header, byte[] body) {
        if (id == null || timestamp == null || header == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
            for (String candidate : header.split(" ")) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code accepted} requests have been answered 2xx, up to {@code seconds}. */
    List<Request> awaitAccepted(int accepted, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (requests) {
            while (accepted().size() < accepted) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("only " + accepted().size() + " of " + accepted + " messages accepted"
                            + " within " + seconds + " s; requests: " + requests.size());
                }
                TimeUnit.NANOSECONDS.timedWait(requests, left);
            }
            return List.copyOf(requests);
        }
    }

    List<Request> accepted() {
        synchronized (requests) {
            return requests.stream().filter(request -> request.status() / 100 == 2).toList();
        }
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many times a request came while another of the same message id was being handled. */
    int overlaps() {
        return overlaps.get();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
