package io.waybill.application.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tells whether this instance can serve requests: every component it depends on answers. */
public interface CheckReadinessUseCase {

    Readiness check();

    /** {@code components} maps each component's name to whether it is up, in a stable order. */
    record Readiness(boolean ready, Map<String, Boolean> components) {

        public Readiness {
            components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        }
    }
}
