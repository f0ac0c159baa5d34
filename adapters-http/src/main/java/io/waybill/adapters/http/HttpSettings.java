package io.waybill.adapters.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the HTTP API listens, and the keys that open it: {@code host} is an interface name or address, {@code port}
 * 0 picks any free port. A request carrying one of {@code apiKeys} is staff's; {@link #toString} never shows them.
 * {@code maxStrictImportBytes} bounds the body of a strict import, which is written in one transaction; other imports
 * are committed in batches and have no bound. Every import is streamed. {@code bodyLimits} bound
 * how long a client may take to send a body. {@code corsOrigins}, each {@code http(s)://host[:port]}, may call the
 * API from a browser; none (CORS off) by default.
 */
public record HttpSettings(String host, int port, List<String> apiKeys, long maxStrictImportBytes,
        BodyLimits bodyLimits, List<String> corsOrigins) {

    public static final int MIN_KEY_LENGTH = 16;
    public static final long DEFAULT_MAX_STRICT_IMPORT_BYTES = 512L * 1024 * 1024;

    /**
     * How slowly a client may send a body. A JSON body must arrive whole within {@code timeout} of its request's
     * start (408 otherwise); an import's streamed body must keep an average of at least
     * {@code minImportBytesPerSecond} once {@code timeout} has passed (0: no bound but the connection's idle timeout).
     */
    public record BodyLimits(Duration timeout, long minImportBytesPerSecond) {

        public static final BodyLimits DEFAULTS = new BodyLimits(Duration.ofSeconds(15), 4096);

        public BodyLimits {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 1) {
                throw new IllegalArgumentException("the body timeout must be at least 1 ms; got " + timeout);
            }
            if (minImportBytesPerSecond < 0) {
                throw new IllegalArgumentException(
                        "minImportBytesPerSecond must not be negative; got " + minImportBytesPerSecond);
            }
        }
    }

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(bodyLimits, "bodyLimits");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535; got " + port);
        }
        if (maxStrictImportBytes < 1) {
            throw new IllegalArgumentException("maxStrictImportBytes must be positive; got " + maxStrictImportBytes);
        }
        corsOrigins = Objects.requireNonNull(corsOrigins, "corsOrigins").stream().map(Cors::normalised).toList();
        apiKeys = List.copyOf(Objects.requireNonNull(apiKeys, "apiKeys"));
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is required");
        }
        for (int i = 0; i < apiKeys.size(); i++) {
            String key = apiKeys.get(i);
            // The messages name the key by position only: a key must not end up in a log.
            if (key.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("API key " + (i + 1) + " must be at least " + MIN_KEY_LENGTH
                        + " characters long; it has " + key.length());
            }
            if (!key.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new IllegalArgumentException(
                        "API key " + (i + 1) + " must be printable ASCII without spaces, to fit in a header");
            }
        }
    }

    /** With the default bound on strict imports, and CORS off. */
    public HttpSettings(String host, int port, List<String> apiKeys) {
        this(host, port, apiKeys, DEFAULT_MAX_STRICT_IMPORT_BYTES);
    }

    /** With the default limits on bodies, and CORS off. */
    public HttpSettings(String host, int port, List<String> apiKeys, long maxStrictImportBytes) {
        this(host, port, apiKeys, maxStrictImportBytes, BodyLimits.DEFAULTS, List.of());
    }

    /** The same settings on another address. */
    public HttpSettings withAddress(String host, int port) {
        return new HttpSettings(host, port, apiKeys, maxStrictImportBytes, bodyLimits, corsOrigins);
    }

    public HttpSettings withBodyLimits(BodyLimits limits) {
        return new HttpSettings(host, port, apiKeys, maxStrictImportBytes, limits, corsOrigins);
    }

    public HttpSettings withCorsOrigins(List<String> origins) {
        return new HttpSettings(host, port, apiKeys, maxStrictImportBytes, bodyLimits, origins);
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", apiKeys=" + apiKeys.size() + " (hidden)"
                + ", maxStrictImportBytes=" + maxStrictImportBytes + ", bodyLimits=" + bodyLimits
                + ", corsOrigins=" + corsOrigins + "]";
    }
}
