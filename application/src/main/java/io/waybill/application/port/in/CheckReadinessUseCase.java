package io.waybill.application.port.in;

import io.waybill.application.port.out.ComponentProbe.State;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tells whether this instance can serve requests: no component it depends on is down (degraded is ready). */
public interface CheckReadinessUseCase {

    Readiness check();

    /**
     * @param components maps each component's name to its state, in a stable order
     * @param details what is wrong with the components that tell, by name
     */
    record Readiness(boolean ready, Map<String, State> components, Map<String, String> details) {

        public Readiness {
            components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
            details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }

        /** Without details. */
        public Readiness(boolean ready, Map<String, State> components) {
            this(ready, components, Map.of());
        }
    }
}
