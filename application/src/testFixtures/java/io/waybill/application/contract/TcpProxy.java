package io.waybill.application.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a port of its own in front of a real server, which a test can cut (connections closed, new ones
 * closed at once), turn into a black hole (connections stay open, bytes vanish both ways), stall (bytes held until
 * restored, as by a server that stops for a while) and restore. Shared by
 * the tests of the cache adapter and of bootstrap.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode {
        FORWARD,
        BLACKHOLE,
        STALL,
        CUT
    }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.FORWARD;

    public TcpProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start("proxy-accept", this::acceptAll);
    }

    public URI url() {
        return URI.create("redis://127.0.0.1:" + server.getLocalPort());
    }

    public synchronized void cut() {
        mode = Mode.CUT;
        notifyAll();
        sockets.forEach(TcpProxy::closeQuietly);
    }

    public synchronized void blackhole() {
        mode = Mode.BLACKHOLE;
        notifyAll();
    }

    public void stall() {
        mode = Mode.STALL;
    }

    public synchronized void restore() {
        mode = Mode.FORWARD;
        notifyAll();
    }

    @Override
    public synchronized void close() {
        notifyAll();
        closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
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
        if (mode == Mode.CUT) {
            closeQuietly(client);
            return;
        }
        Socket upstream = new Socket();
        try {
            upstream.connect(target, 1000);
        } catch (IOException e) {
            closeQuietly(client); // the client sees its connection fail, as with the server itself
            return;
        }
        sockets.add(client);
        sockets.add(upstream);
        start("proxy-up", () -> pump(client, upstream));
        start("proxy-down", () -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                awaitNoStall();
                if (mode == Mode.FORWARD) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
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

    private synchronized void awaitNoStall() throws IOException {
        try {
            while (mode == Mode.STALL && !server.isClosed()) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stalled", e);
        }
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
