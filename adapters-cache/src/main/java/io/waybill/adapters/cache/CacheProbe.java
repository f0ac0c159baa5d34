package io.waybill.adapters.cache;

import io.waybill.application.port.out.ComponentProbe;
import java.util.function.Supplier;

/** The cache's health, as its implementation tells it. Thread-safe. */
final class CacheProbe implements ComponentProbe {

    private final Supplier<State> state;

    CacheProbe(Supplier<State> state) {
        this.state = state;
    }

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public State state() {
        return state.get();
    }
}
