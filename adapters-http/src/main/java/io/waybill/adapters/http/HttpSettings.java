package io.waybill.adapters.http;

import java.util.Objects;

/** Where the HTTP API listens: {@code host} is an interface name or address, {@code port} 0 picks any free port. */
public record HttpSettings(String host, int port) {

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535; got " + port);
        }
    }
}
