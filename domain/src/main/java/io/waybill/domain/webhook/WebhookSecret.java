package io.waybill.domain.webhook;

import java.util.Base64;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A subscription's signing secret as the Standard Webhooks specification writes it: {@code whsec_} and the base64 of
 * the key's bytes. The key is what signs; the prefix only tells what the string is. Shown to the subscriber once.
 */
public record WebhookSecret(String value) {

    private static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;

    public WebhookSecret {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is " + PREFIX + " and base64", e);
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("a webhook secret has a key after " + PREFIX);
        }
    }

    /** A new secret of 32 random bytes ({@code random} should be a {@link java.security.SecureRandom}). */
    public static WebhookSecret generate(RandomGenerator random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The key's bytes, which sign. */
    public byte[] key() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
