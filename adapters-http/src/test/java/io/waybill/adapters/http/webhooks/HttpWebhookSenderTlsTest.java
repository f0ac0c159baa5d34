package io.waybill.adapters.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.application.port.out.WebhookSender.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender over TLS, to a receiver whose certificate (receiver.p12, self-signed, 100 years) names
 * {@code receiver.invalid}: it asks for that name (SNI) and checks the certificate against the URL's host, though it
 * connects to the address the guard resolved.
 */
class HttpWebhookSenderTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final SSLServerSocket server;
    private final HttpWebhookSender sender;

    HttpWebhookSenderTlsTest() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("receiver.p12")) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext serving = SSLContext.getInstance("TLS");
        serving.init(keyManagers.getKeyManagers(), null, null);
        server = (SSLServerSocket) serving.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext sending = SSLContext.getInstance("TLS");
        sending.init(null, trust.getTrustManagers(), null);
        TargetGuard guard = new TargetGuard(true, host -> {
            if (!host.endsWith(".invalid")) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getLoopbackAddress());
        });
        sender = new HttpWebhookSender(guard, Duration.ofSeconds(5), Duration.ofSeconds(5),
                sending.getSocketFactory());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private CompletableFuture<String> receive() {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                String asked = ((ExtendedSSLSession) socket.getSession()).getRequestedServerNames().stream()
                        .map(name -> ((SNIHostName) name).getAsciiName()).toList().toString();
                InputStream in = socket.getInputStream();
                StringBuilder head = new StringBuilder();
                while (head.indexOf("\r\n\r\n") < 0) {
                    head.append((char) in.read());
                }
                socket.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                return asked + " " + head.substring(0, head.indexOf("\r\n"));
            } catch (IOException e) {
                return "failed: " + e.getClass().getSimpleName();
            }
        });
    }

    @Test
    void postsOverTlsToTheNameTheCertificateNames() throws Exception {
        CompletableFuture<String> received = receive();

        Answer answer = sender.post(URI.create("https://receiver.invalid:" + server.getLocalPort() + "/hooks"),
                Map.of("webhook-id", "msg_1"), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).hasValue(204);
        assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo("[receiver.invalid] POST /hooks HTTP/1.1");
    }

    @Test
    void refusesACertificateForAnotherName() throws Exception {
        CompletableFuture<String> received = receive();

        Answer answer = sender.post(URI.create("https://impostor.invalid:" + server.getLocalPort() + "/hooks"),
                Map.of("webhook-id", "msg_1"), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEmpty();
        assertThat(answer.error()).hasValueSatisfying(error -> assertThat(error).contains("SSLHandshakeException"));
        assertThat(received.get(10, TimeUnit.SECONDS)).startsWith("failed:");
    }
}
