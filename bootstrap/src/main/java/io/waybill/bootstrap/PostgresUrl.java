package io.waybill.bootstrap;

import io.waybill.adapters.persistence.DatabaseSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A PostgreSQL database named by a URL of the form {@code postgres://user:password@host:port/database?options}, as
 * Heroku's {@code DATABASE_URL} and compose files write it, turned into the JDBC URL and credentials that
 * {@link DatabaseSettings} holds.
 */
final class PostgresUrl {

    private PostgresUrl() {}

    static DatabaseSettings toDatabaseSettings(
            String text, Optional<String> schema, int poolSize, Duration commitTimeout) {
        Parts parts = parse(text);
        return new DatabaseSettings(parts.jdbcUrl(), parts.user().orElse(""), parts.password(), schema, poolSize,
                commitTimeout);
    }

    /**
     * A replica named by such a URL, or by a JDBC URL ({@code jdbc:postgresql://...}); without credentials of its
     * own, it is reached with the primary's.
     */
    static DatabaseSettings.Replica toReplica(String text, DatabaseSettings primary, Duration maxLag) {
        if (text.startsWith("jdbc:")) {
            return new DatabaseSettings.Replica(text, primary.user(), primary.password(), maxLag);
        }
        Parts parts = parse(text);
        return parts.user().isPresent()
                ? new DatabaseSettings.Replica(parts.jdbcUrl(), parts.user().get(), parts.password(), maxLag)
                : new DatabaseSettings.Replica(parts.jdbcUrl(), primary.user(), primary.password(), maxLag);
    }

    /** @param user empty when the URL names none */
    private record Parts(String jdbcUrl, Optional<String> user, String password) {}

    private static Parts parse(String text) {
        // Messages never repeat the text: it holds a password.
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: " + e.getReason() + " at character " + e.getIndex(), e);
        }
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException("expected postgres://user:password@host:port/database");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("a host and a database name are required, as in"
                    + " postgres://user:password@host:port/database");
        }
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (uri.getRawUserInfo() == null) {
            return new Parts(jdbcUrl, Optional.empty(), "");
        }
        String[] credentials = uri.getRawUserInfo().split(":", 2);
        return new Parts(jdbcUrl, Optional.of(decode(credentials[0])),
                credentials.length > 1 ? decode(credentials[1]) : "");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
