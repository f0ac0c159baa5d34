package io.waybill.application.port.in;

import io.waybill.application.port.out.ComponentProbe.State;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells whether this instance can serve requests: no component it depends on is down (degraded is ready), and it is
 * not shutting down.
 */
public interface CheckReadinessUseCase {

    Readiness check();

    /**
     * @param components maps each component's name to its state, in a stable order
     * @param details what is wrong with the components that tell, by name
     * @param shuttingDown the instance is stopping: it still serves what it is sent, for a while, but wants no more
     *     (so it is not ready, whatever its components' states)
     */
    record Readiness(boolean ready, Map<String, State> components, Map<String, String> details,
            boolean shuttingDown) {

        public Readiness {
            components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
            details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
            if (ready && shuttingDown) {
                throw new IllegalArgumentException("an instance shutting down is not ready");
            }
        }

        /** Not shutting down. */
        public Readiness(boolean ready, Map<String, State> components, Map<String, String> details) {
            this(ready, components, details, false);
        }

        /** Without details, not shutting down. */
        public Readiness(boolean ready, Map<String, State> components) {
            this(ready, components, Map.of());
        }
    }
}
