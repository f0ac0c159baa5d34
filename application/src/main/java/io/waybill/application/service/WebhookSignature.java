package io.waybill.application.service;

import io.waybill.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature of a message: {@code v1,} and the base64 of the HMAC-SHA256, keyed with the secret's
 * bytes, of {@code <webhook-id>.<webhook-timestamp>.<body>}. The id and the timestamp are signed with the body so that
 * a captured request cannot be replayed later or as another message. (Here, not in the domain: it needs javax.crypto.)
 */
final class WebhookSignature {

    private WebhookSignature() {}

    /** The {@code webhook-signature} header of {@code body} sent as message {@code id} at {@code timestamp}. */
    static String sign(WebhookSecret secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
