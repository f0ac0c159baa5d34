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
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo();
        String[] credentials = userInfo.split(":", 2);
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseSettings(jdbcUrl, decode(credentials[0]),
                credentials.length > 1 ? decode(credentials[1]) : "", schema, poolSize, commitTimeout);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
