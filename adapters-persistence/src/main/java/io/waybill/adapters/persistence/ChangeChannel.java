package io.waybill.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The PostgreSQL notification channel on which the instances that share a schema announce their changes to
 * shipments, and this instance's name on it, so that it can tell its own announcements from the others'.
 *
 * <p>Notifications are per database, so the channel is named for the schema: instances on other schemas of the same
 * database (tests, other deployments) never hear each other.
 */
record ChangeChannel(String name, String origin) {

    // PostgreSQL refuses channel names of NAMEDATALEN (64) bytes or more.
    private static final int MAX_NAME = 63;
    private static final String PREFIX = "waybill:";

    static ChangeChannel forSchema(String schema) {
        return new ChangeChannel(nameFor(schema), newOrigin());
    }

    /** A new instance's name among those announcing changes: 16 random hex digits. */
    static String newOrigin() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static String nameFor(String schema) {
        String name = PREFIX + schema;
        return name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME ? name : PREFIX + "#" + digest(schema);
    }

    /** For {@code LISTEN}, which takes an identifier: quoted, so that case and punctuation are kept. */
    String quotedName() {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String digest(String schema) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(schema.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
