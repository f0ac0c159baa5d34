package io.waybill.adapters.http.weather;

import java.io.IOException;
import java.util.Objects;

/** What must never be shown, such as an API key travelling in a URL: redacted from texts and from causes. */
final class Secret {

    static final Secret NONE = new Secret("");

    private static final String REDACTED = "[redacted]";

    private final String value;

    Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    String redact(String text) {
        return value.isEmpty() ? text : text.replace(value, REDACTED);
    }

    /**
     * The cause, or when its chain mentions the secret anywhere, a stand-in with the same frames and a redacted text:
     * a log prints an exception's causes too.
     */
    Throwable redact(Throwable cause) {
        if (cause == null || value.isEmpty()) {
            return cause;
        }
        for (Throwable link = cause; link != null; link = link.getCause()) {
            if (String.valueOf(link).contains(value)) {
                IOException standIn = new IOException(redact(String.valueOf(link)));
                standIn.setStackTrace(link.getStackTrace());
                return standIn;
            }
        }
        return cause;
    }
}
