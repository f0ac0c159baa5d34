package io.waybill.adapters.http.webhooks;

import io.waybill.application.port.out.WebhookSender;
import java.time.Duration;
import javax.net.ssl.SSLSocketFactory;

/** Makes the sender of webhook messages: HTTP/1.1 to the addresses checked, TLS with the JVM's trusted authorities. */
public final class WebhookSenders {

    private WebhookSenders() {}

    /**
     * @param allowPrivate whether loopback, private, link-local and other addresses that are no public receiver's may
     *     be targets (for tests and closed networks); refused otherwise, at subscription and again at each attempt
     * @param connectTimeout the longest an attempt waits to connect
     * @param timeout the longest an attempt then waits for the answer
     */
    public static WebhookSender open(boolean allowPrivate, Duration connectTimeout, Duration timeout) {
        return new HttpWebhookSender(new TargetGuard(allowPrivate, new SystemResolver()), connectTimeout, timeout,
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }
}
