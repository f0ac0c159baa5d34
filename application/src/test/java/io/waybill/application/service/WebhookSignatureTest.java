package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.domain.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTheSpecificationsPublishedTestVector() {
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeToIdTimestampOrBodyChangesTheSignature() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Set<String> signatures = new HashSet<>();
        signatures.add(WebhookSignature.sign(secret, "msg_1", 1, body));
        signatures.add(WebhookSignature.sign(secret, "msg_2", 1, body));
        signatures.add(WebhookSignature.sign(secret, "msg_1", 2, body));
        signatures.add(WebhookSignature.sign(secret, "msg_1", 1, "[]".getBytes(StandardCharsets.UTF_8)));

        assertThat(signatures).hasSize(4);
    }

    @Test
    void generatedSecretsAreThirtyTwoRandomBytes() {
        SecureRandom random = new SecureRandom();
        WebhookSecret one = WebhookSecret.generate(random);

        assertThat(one.value()).startsWith("whsec_");
        assertThat(one.key()).hasSize(32);
        assertThat(WebhookSecret.generate(random)).isNotEqualTo(one);
        assertThat(one.toString()).doesNotContain(one.value().substring(6));
    }

    @Test
    void refusesWhatIsNotASecret() {
        assertThatThrownBy(() -> new WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .hasMessageContaining("whsec_");
        assertThatThrownBy(() -> new WebhookSecret("whsec_!!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> new WebhookSecret("whsec_")).hasMessageContaining("key");
    }
}
