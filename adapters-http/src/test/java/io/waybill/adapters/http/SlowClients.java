package io.waybill.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
        return open(port, count, path, false);
    }

    /**
     * Opens {@code count} connections to {@code path} whose requests ask {@code Expect: 100-continue}, and returns once
     * the server has told each that it awaits the body (100 Continue), so that every request is being read; then
     * sends each one's first byte.
     */
    static SlowClients openAwaited(int port, int count, String path) {
        return open(port, count, path, true);
    }

    private static SlowClients open(int port, int count, String path, boolean awaitContinue) {
        SlowClients clients = new SlowClients();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                clients.sockets.add(socket);
                socket.setSoTimeout(10_000);
                write(socket, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + (awaitContinue ? "Expect: 100-continue\r\n" : "")
                        + "Content-Length: " + ANNOUNCED_BYTES + "\r\n\r\n");
                if (awaitContinue && !readHead(socket).startsWith("HTTP/1.1 100 ")) {
                    throw new IOException("no 100 Continue from the server");
                }
                write(socket, "{");
            }
            return clients;
        } catch (IOException e) {
            clients.close();
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(Socket socket) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int next = socket.getInputStream().read();
            if (next < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) next);
        }
        return head.toString();
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

    /**
     * Reads each connection's answer, to the end of the connection; fails if one does not come within ten seconds.
     * A reset after the answer ends the connection too: the server closed it with the rest of the announced body
     * unread, and TCP answers that with a reset rather than a plain close. What came before it is the answer.
     */
    List<TestServer.RawResponse> answers() {
        List<TestServer.RawResponse> answers = new ArrayList<>();
        for (Socket socket : sockets) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.setSoTimeout(10_000);
                socket.getInputStream().transferTo(received);
            } catch (SocketTimeoutException e) {
                throw new UncheckedIOException("no end of the answer within 10 s; received: " + received, e);
            } catch (IOException resetAfterTheAnswer) {
                // parsed below: an incomplete answer fails there
            }
            answers.add(TestServer.RawResponse.parse(received.toByteArray()));
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
