package io.waybill.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP forwarder in front of PostgreSQL that can lose the answer to one {@code COMMIT}: it passes the command on,
 * waits for the database's answer, which means the transaction is committed, and then closes the client's connection
 * instead of passing the answer back. The client sees its commit fail although it succeeded. Needs the driver's
 * {@code prepareThreshold=0}, so that every statement's text, {@code COMMIT} included, crosses the wire.
 */
final class CommitLosingProxy implements AutoCloseable {

    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile byte[] marker = new byte[0];
    private final CountDownLatch lost = new CountDownLatch(1);

    CommitLosingProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start("commit-proxy-accept", this::acceptAll);
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * The next COMMIT of a transaction whose statements contained {@code statementText} is committed, and its answer
     * lost; other transactions (the service's background jobs, say) commit as ever.
     */
    void loseNextCommitAnswerAfter(String statementText) {
        marker = statementText.getBytes(StandardCharsets.US_ASCII);
        armed.set(true);
    }

    /** Waits until the database answered the lost COMMIT. */
    boolean awaitLostCommit(Duration timeout) throws InterruptedException {
        return lost.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closeQuietly(server);
        sockets.forEach(CommitLosingProxy::closeQuietly);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                connect(server.accept());
            } catch (IOException e) {
                // the proxy is closed
            }
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, 1000);
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        sockets.add(client);
        sockets.add(upstream);
        AtomicBoolean losing = new AtomicBoolean();
        AtomicBoolean marked = new AtomicBoolean(); // this connection's transaction sent the marker
        start("commit-proxy-up", () -> pump(client, upstream, (buffer, length) -> {
            if (armed.get() && contains(buffer, length, marker)) {
                marked.set(true);
            }
            if (contains(buffer, length, COMMIT)) {
                if (marked.getAndSet(false) && armed.compareAndSet(true, false)) {
                    losing.set(true); // before the command leaves, so that its answer is caught
                }
            }
            return true;
        }));
        start("commit-proxy-down", () -> pump(upstream, client, (buffer, length) -> {
            if (losing.get()) {
                closeQuietly(client);
                lost.countDown();
                return false;
            }
            return true;
        }));
    }

    private void pump(Socket from, Socket to, Filter filter) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                if (!filter.pass(buffer, read)) {
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static boolean contains(byte[] buffer, int length, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (buffer[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private interface Filter {
        /** Whether to pass these bytes on; false ends the connection. */
        boolean pass(byte[] buffer, int length);
    }

    private static void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
