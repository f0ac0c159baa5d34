package io.waybill.adapters.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients that announce a body and send it a byte at a time, as slowhttptest's slow-body attack does: each socket
 * sends its request's headers with {@code Content-Length: 8192}, then the bytes that {@link #trickle} sends.
 */
final class SlowClients implements AutoCloseable {

    static final int ANNOUNCED_BYTES = 8192;

    private final List<Socket> sockets = new ArrayList<>();

    private SlowClients() {}

    /** Opens {@code count} connections to {@code path} and sends each one's headers and first byte. */
    static SlowClients open(int port, int count, String path) {
        SlowClients clients = new SlowClients();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                clients.sockets.add(socket);
                write(socket, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + ANNOUNCED_BYTES + "\r\n\r\n{");
            }
            return clients;
        } catch (IOException e) {
            clients.close();
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one more byte on every connection still open; returns how many took it. */
    int trickle() {
        int open = 0;
        for (Socket socket : sockets) {
            try {
                write(socket, " ");
                open++;
            } catch (IOException closedByTheServer) {
                // counted as closed
            }
        }
        return open;
    }

    /** Reads each connection's answer, to its end; fails if one does not come within ten seconds. */
    List<TestServer.RawResponse> answers() {
        List<TestServer.RawResponse> answers = new ArrayList<>();
        for (Socket socket : sockets) {
            try {
                socket.setSoTimeout(10_000);
                answers.add(TestServer.RawResponse.parse(socket.getInputStream().readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return answers;
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
