package io.waybill.adapters.cache;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How shipments are cached: in Redis when {@code redisUrl} is given, else in this process.
 *
 * @param redisUrl {@code redis://host:port} or {@code rediss://} for TLS (port 6379 when left out), with
 *     {@code user:password@} or {@code :password@} when the server asks for them, and {@code /n} for a database
 *     other than 0; empty for the in-process cache
 * @param ttl how long the shipments of a lookup are kept
 * @param negativeTtl how long a lookup that found no shipment is kept; at most {@code ttl}
 * @param redisTimeout how long to wait for Redis to connect, and then for each answer
 * @param retryAfter how long to leave Redis alone after it failed, before trying it again
 * @param keyPrefix put before every Redis key, so that several deployments can share one server
 * @param maxEntries the most tracking numbers the in-process cache holds; 0 turns the in-process cache off, so that
 *     every lookup reads the database
 */
public record CacheSettings(Optional<URI> redisUrl, Duration ttl, Duration negativeTtl, Duration redisTimeout,
        Duration retryAfter, String keyPrefix, long maxEntries) {

    static final int DEFAULT_REDIS_PORT = 6379;

    // No white space or control characters (Redis keys are shown in logs and tools), and none of SCAN's pattern
    // characters * ? [ ] \, because the namespace is emptied with SCAN MATCH <prefix>*.
    private static final Pattern KEY_PREFIX = Pattern.compile("[!-)+->@-Z^-~]{1,64}");
    private static final Pattern DATABASE = Pattern.compile("(/([0-9]{1,5})?)?");

    public CacheSettings {
        Objects.requireNonNull(redisUrl, "redisUrl").ifPresent(CacheSettings::checkRedisUrl);
        requirePositive("ttl", ttl);
        requirePositive("negativeTtl", negativeTtl);
        if (negativeTtl.compareTo(ttl) > 0) {
            throw new IllegalArgumentException(
                    "negativeTtl must not be longer than ttl; got " + negativeTtl + " and " + ttl);
        }
        requirePositive("redisTimeout", redisTimeout);
        if (redisTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("redisTimeout must be at most a minute; got " + redisTimeout);
        }
        requirePositive("retryAfter", retryAfter);
        if (keyPrefix == null || !KEY_PREFIX.matcher(keyPrefix).matches()) {
            throw new IllegalArgumentException("keyPrefix must be 1 to 64 printable ASCII characters without white"
                    + " space or * ? [ ] \\, such as waybill:; got " + keyPrefix);
        }
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must be at least 0; got " + maxEntries);
        }
    }

    /**
     * In process, entries kept 4 h (empty ones 30 s), at most 100,000 of them; for Redis, once given a URL: timeout
     * 100 ms, retried after 5 s, keys starting {@code waybill:}.
     */
    public static CacheSettings defaults() {
        return new CacheSettings(Optional.empty(), Duration.ofHours(4), Duration.ofSeconds(30), Duration.ofMillis(100),
                Duration.ofSeconds(5), "waybill:", 100_000);
    }

    /**
     * The Redis URL written as {@code text}, checked as the constructor checks {@code redisUrl}: the one rule for
     * every source of settings. The scheme may be written in any case ({@code REDIS://}), as URI schemes are
     * case-insensitive (RFC 3986, section 3.1). Messages never repeat the text, which may hold a password.
     *
     * @throws IllegalArgumentException when the text is not a URL this cache can use
     */
    public static URI parseRedisUrl(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("redisUrl is not a URL: " + e.getReason() + " at character "
                    + e.getIndex(), e);
        }
        checkRedisUrl(url);
        return url;
    }

    /** These settings with the cache in Redis at {@code url}. */
    public CacheSettings withRedisUrl(URI url) {
        return new CacheSettings(Optional.of(url), ttl, negativeTtl, redisTimeout, retryAfter, keyPrefix, maxEntries);
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "CacheSettings[" + redisUrl.map(CacheSettings::redacted).orElse("in process") + ", ttl " + ttl
                + ", negative ttl " + negativeTtl + ", redis timeout " + redisTimeout + ", retry after " + retryAfter
                + ", key prefix " + keyPrefix + ", max entries " + maxEntries + "]";
    }

    /** {@code url} with its password, if any, replaced by stars. */
    static String redacted(URI url) {
        String userInfo = url.getRawUserInfo() == null
                ? ""
                : url.getRawUserInfo().substring(0, url.getRawUserInfo().indexOf(':')) + ":****@";
        String hostAndPort = url.getRawAuthority().substring(url.getRawAuthority().indexOf('@') + 1);
        return url.getScheme() + "://" + userInfo + hostAndPort + Objects.requireNonNullElse(url.getRawPath(), "");
    }

    static boolean isTls(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT).equals("rediss");
    }

    /** Without the brackets of an IPv6 address. */
    static String host(URI url) {
        return url.getHost().replaceAll("^\\[(.*)]$", "$1");
    }

    static int port(URI url) {
        return url.getPort() == -1 ? DEFAULT_REDIS_PORT : url.getPort();
    }

    static int database(URI url) {
        String path = Objects.requireNonNullElse(url.getPath(), "");
        return path.length() > 1 ? Integer.parseInt(path.substring(1)) : 0;
    }

    static Optional<String> user(URI url) {
        return Optional.ofNullable(url.getUserInfo())
                .map(info -> info.substring(0, info.indexOf(':')))
                .filter(user -> !user.isEmpty());
    }

    static Optional<String> password(URI url) {
        return Optional.ofNullable(url.getUserInfo()).map(info -> info.substring(info.indexOf(':') + 1));
    }

    // Messages name the URL without its user information, so that a password never reaches a log.
    private static void checkRedisUrl(URI url) {
        String scheme = Objects.requireNonNullElse(url.getScheme(), "").toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("redisUrl must start with redis:// or rediss://");
        }
        String shown = scheme + "://" + Objects.requireNonNullElse(url.getHost(), "?") + " (credentials not shown)";
        if (url.getHost() == null) {
            throw new IllegalArgumentException("redisUrl must name a host, such as redis://127.0.0.1:6379; got "
                    + shown);
        }
        if (url.getRawUserInfo() != null && !url.getRawUserInfo().contains(":")) {
            throw new IllegalArgumentException(
                    "redisUrl must write credentials as user:password@ or :password@; got " + shown);
        }
        if (!DATABASE.matcher(Objects.requireNonNullElse(url.getRawPath(), "")).matches()) {
            throw new IllegalArgumentException(
                    "redisUrl may end in a database number such as /0, and nothing else; got " + shown);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("redisUrl takes no query or fragment; got " + shown);
        }
    }

    private static void requirePositive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms; got " + duration);
        }
    }
}
