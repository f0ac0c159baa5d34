package io.waybill.application.service;

import io.waybill.application.port.in.CheckReadinessUseCase;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.ComponentProbe.State;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready unless a component is down (a degraded one, a cache, slows requests but fails none) or the instance is shutting
 * down. Thread-safe.
 */
public final class ReadinessService implements CheckReadinessUseCase {

    private final List<ComponentProbe> probes;
    private volatile boolean shuttingDown;

    public ReadinessService(List<ComponentProbe> probes) {
        this.probes = List.copyOf(probes);
        if (this.probes.stream().map(ComponentProbe::name).distinct().count() != this.probes.size()) {
            throw new IllegalArgumentException("two probes share a name; one would hide the other");
        }
    }

    /**
     * From now on, and for good, this instance is not ready and says it is shutting down: a load balancer that asks
     * takes it out of its rotation while it still serves what it is sent. Idempotent.
     */
    public void announceShutdown() {
        shuttingDown = true;
    }

    @Override
    public Readiness check() {
        Map<String, State> components = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        probes.forEach(probe -> {
            ComponentProbe.Check check = probe.check();
            components.put(probe.name(), check.state());
            check.detail().ifPresent(detail -> details.put(probe.name(), detail));
        });
        boolean stopping = shuttingDown;
        return new Readiness(!stopping && !components.containsValue(State.DOWN), components, details, stopping);
    }
}
