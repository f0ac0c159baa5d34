package io.waybill.application.service;

import io.waybill.application.port.in.CheckReadinessUseCase;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.ComponentProbe.State;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ready unless a component is down; a degraded one (a cache) slows requests but fails none. Thread-safe. */
public final class ReadinessService implements CheckReadinessUseCase {

    private final List<ComponentProbe> probes;

    public ReadinessService(List<ComponentProbe> probes) {
        this.probes = List.copyOf(probes);
        if (this.probes.stream().map(ComponentProbe::name).distinct().count() != this.probes.size()) {
            throw new IllegalArgumentException("two probes share a name; one would hide the other");
        }
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
        return new Readiness(!components.containsValue(State.DOWN), components, details);
    }
}
