package io.waybill.adapters.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The API keys that make a request staff's. A presented key is compared in constant time: its SHA-256 digest against
 * every key's, each with {@link MessageDigest#isEqual}, so neither how much of a key matched nor how long it is
 * shows in the time taken. Immutable and thread-safe.
 */
final class ApiKeys {

    private final List<byte[]> digests;

    ApiKeys(List<String> keys) {
        this.digests = keys.stream().map(ApiKeys::sha256).toList();
    }

    boolean matches(String presented) {
        byte[] digest = sha256(presented);
        boolean matched = false;
        for (byte[] key : digests) {
            matched |= MessageDigest.isEqual(digest, key); // no early exit: every key is compared
        }
        return matched;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
