package io.waybill.adapters.http.webhooks;

import io.waybill.adapters.http.webhooks.TargetGuard.Checked;
import io.waybill.application.port.out.WebhookSender;
import io.waybill.application.support.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Posts webhook messages over HTTP/1.1 on a socket of its own, connected to an address that {@link TargetGuard} has
 * just resolved and checked: the address checked is the address connected to, whatever a second resolution of the
 * name would answer (DNS rebinding). TLS verifies the certificate against the URL's host name (SNI too). Only the
 * status line of the answer is read; redirects are answers like any other (a failure), never followed. The whole
 * exchange, the name's resolution included, ends by the time limit, or at once when the calling thread is interrupted:
 * the socket is closed then. Every failure is an answer, not an exception. Thread-safe.
 */
final class HttpWebhookSender implements WebhookSender {

    private static final int MAX_ERROR = 500;
    private static final int MAX_LINE = 8192;

    private final TargetGuard guard;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final SSLSocketFactory tls;
    private final ExecutorService exchanges = Executors.newCachedThreadPool(
            DaemonThreads.numbered("waybill-webhook-exchange-"));

    /**
     * @param connectTimeout the longest the connection may take
     * @param timeout the longest the answer's status line may take after it; the whole exchange takes at most both
     */
    HttpWebhookSender(TargetGuard guard, Duration connectTimeout, Duration timeout, SSLSocketFactory tls) {
        this.guard = guard;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.tls = tls;
    }

    /** As the guard says, within the connect timeout: a name that takes longer to resolve is refused. */
    @Override
    public Optional<String> refusal(URI url) {
        Future<Optional<String>> refusal = exchanges.submit(() -> guard.refusal(url));
        try {
            return refusal.get(connectTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            refusal.cancel(true);
            return Optional.of("the host " + url.getHost() + " did not resolve within " + connectTimeout.toSeconds()
                    + " s");
        } catch (InterruptedException e) {
            refusal.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while resolving " + url.getHost());
        } catch (ExecutionException e) {
            return Optional.of(error(e.getCause()));
        }
    }

    @Override
    public Answer post(URI url, Map<String, String> headers, byte[] body) {
        Duration limit = connectTimeout.plus(timeout);
        Exchange exchange = new Exchange(url, headers, body, System.nanoTime() + limit.toNanos());
        Future<Answer> answer = exchanges.submit(exchange);
        try {
            return answer.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.abort();
            return failed("no complete answer within " + limit.toSeconds() + " s");
        } catch (InterruptedException e) {
            exchange.abort();
            Thread.currentThread().interrupt();
            return failed("interrupted: the instance is stopping");
        } catch (ExecutionException e) {
            return failed(error(e.getCause()));
        }
    }

    private static Answer failed(String error) {
        return new Answer(OptionalInt.empty(), Optional.of(error));
    }

    private static String error(Throwable e) {
        String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
    }

    /** One POST, on a thread of {@link #exchanges}; {@link #abort} closes its socket from another. */
    private final class Exchange implements Callable<Answer> {

        private final URI url;
        private final Map<String, String> headers;
        private final byte[] body;
        private final long deadline;
        private Socket socket;
        private boolean aborted;

        Exchange(URI url, Map<String, String> headers, byte[] body, long deadline) {
            this.url = url;
            this.headers = headers;
            this.body = body;
            this.deadline = deadline;
        }

        @Override
        public Answer call() {
            Checked checked = guard.check(url);
            if (checked.refusal().isPresent()) {
                return failed("refused: " + checked.refusal().get());
            }
            boolean secure = url.getScheme().toLowerCase(Locale.ROOT).equals("https");
            int port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
            try {
                Socket connected = connect(checked, port);
                if (secure) {
                    connected = handshake(connected, port);
                }
                OutputStream out = connected.getOutputStream();
                out.write(request());
                out.write(body);
                out.flush();
                connected.setSoTimeout(millisLeft());
                int status = status(connected.getInputStream());
                return new Answer(OptionalInt.of(status),
                        status / 100 == 2 ? Optional.empty() : Optional.of("the receiver answered " + status));
            } catch (SocketTimeoutException e) {
                return failed("no answer within " + timeout.toSeconds() + " s");
            } catch (IOException e) {
                return failed(aborted() ? "no complete answer within " + connectTimeout.plus(timeout).toSeconds()
                        + " s" : error(e));
            } finally {
                abort();
            }
        }

        // Each address of the name in turn, as resolved and checked, until one takes the connection.
        private Socket connect(Checked checked, int port) throws IOException {
            IOException last = null;
            for (InetAddress address : checked.addresses()) {
                Socket attempt = new Socket();
                if (!own(attempt)) {
                    throw new IOException("aborted");
                }
                try {
                    attempt.connect(new InetSocketAddress(address, port),
                            (int) Math.max(1, Math.min(connectTimeout.toMillis(), millisLeft())));
                    return attempt;
                } catch (IOException e) {
                    attempt.close();
                    last = e;
                }
            }
            throw last;
        }

        private Socket handshake(Socket plain, int port) throws IOException {
            String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                    : url.getHost();
            SSLSocket secure = (SSLSocket) tls.createSocket(plain, host, port, true);
            if (!own(secure)) {
                throw new IOException("aborted");
            }
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.setSoTimeout(millisLeft());
            secure.startHandshake();
            return secure;
        }

        private byte[] request() {
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            StringBuilder request = new StringBuilder(512)
                    .append("POST ").append(path).append(url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
                    .append(" HTTP/1.1\r\n")
                    .append("Host: ").append(url.getRawAuthority()).append("\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n")
                    .append("User-Agent: Waybill-Webhooks\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> {
                if (name.chars().anyMatch(c -> c <= ' ' || c >= 0x7f || c == ':')
                        || value.chars().anyMatch(c -> c < ' ' || c >= 0x7f)) {
                    throw new IllegalArgumentException("not a header: " + name);
                }
                request.append(name).append(": ").append(value).append("\r\n");
            });
            return request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        }

        // The final status: informational answers (100 Continue, 103 Early Hints) and their headers are skipped.
        private int status(InputStream in) throws IOException {
            while (true) {
                String line = line(in);
                String[] parts = line.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
                    throw new IOException("not an HTTP answer: " + line.substring(0, Math.min(line.length(), 80)));
                }
                int status = Integer.parseInt(parts[1]);
                if (status >= 200) {
                    return status;
                }
                while (!line(in).isEmpty()) {
                    // an informational answer's header
                }
            }
        }

        private String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    throw new IOException("the receiver closed the connection without an answer");
                }
                if (line.length() == MAX_LINE) {
                    throw new IOException("the answer's line is longer than " + MAX_LINE + " bytes");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private int millisLeft() throws SocketTimeoutException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("the attempt's time is up");
            }
            return (int) Math.min(Integer.MAX_VALUE, left);
        }

        private synchronized boolean own(Socket next) {
            if (aborted) {
                closeQuietly(next);
                return false;
            }
            socket = next;
            return true;
        }

        private synchronized boolean aborted() {
            return aborted;
        }

        synchronized void abort() {
            aborted = true;
            if (socket != null) {
                closeQuietly(socket);
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that was wanted
            }
        }
    }
}
