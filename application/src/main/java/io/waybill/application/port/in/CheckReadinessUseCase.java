package io.waybill.application.port.in;

import io.waybill.application.port.out.ComponentProbe.State;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tells whether this instance can serve requests: no component it depends on is down (degraded is ready). */
public interface CheckReadinessUseCase {

    Readiness check();

    /** {@code components} maps each component's name to its state, in a stable order. */
    record Readiness(boolean ready, Map<String, State> components) {

        public Readiness {
            components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        }
    }
}
