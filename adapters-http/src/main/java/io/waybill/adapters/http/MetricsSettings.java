package io.waybill.adapters.http;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether the service keeps metrics ({@code on}), and the key that {@code GET /metrics} asks for, when it asks for one
 * ({@code key}, sent as {@code Authorization: Bearer <key>} or {@code X-API-Key}); open to anyone without it. Off, no
 * meter is kept, nothing on any route is counted or timed, and {@code /metrics} does not exist. {@link #toString}
 * never shows the key.
 */
public record MetricsSettings(boolean on, Optional<String> key) {

    /** On, and open. */
    public static final MetricsSettings ON = new MetricsSettings(true, Optional.empty());
    public static final MetricsSettings OFF = new MetricsSettings(false, Optional.empty());

    public MetricsSettings {
        Objects.requireNonNull(key, "key");
        key.ifPresent(present -> {
            // The message does not show the key: it must not end up in a log.
            if (present.length() < HttpSettings.MIN_KEY_LENGTH || !present.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new IllegalArgumentException("the metrics key must be at least " + HttpSettings.MIN_KEY_LENGTH
                        + " characters of printable ASCII without spaces");
            }
        });
    }

    @Override
    public String toString() {
        return "MetricsSettings[on=" + on + ", key=" + (key.isPresent() ? "(set)" : "(none)") + "]";
    }
}
