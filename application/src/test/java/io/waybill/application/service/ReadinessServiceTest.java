package io.waybill.application.service;

import static io.waybill.application.port.out.ComponentProbe.State.DEGRADED;
import static io.waybill.application.port.out.ComponentProbe.State.DOWN;
import static io.waybill.application.port.out.ComponentProbe.State.UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.waybill.application.port.in.CheckReadinessUseCase.Readiness;
import io.waybill.application.port.out.ComponentProbe;
import io.waybill.application.port.out.ComponentProbe.State;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReadinessServiceTest {

    @Test
    void isReadyWhenEveryComponentIsUp() {
        ReadinessService service = new ReadinessService(List.of(probe("database", UP), probe("cache", UP)));

        Readiness readiness = service.check();

        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.components()).containsOnly(entry("database", UP), entry("cache", UP));
    }

    @Test
    void refusesTwoProbesOfOneName() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ReadinessService(List.of(probe("database", UP), probe("database", DOWN))));
    }

    @Test
    void isNotReadyWhenOneComponentIsDown() {
        ReadinessService service = new ReadinessService(
                List.of(probe("database", DOWN), probe("cache", UP), probe("object-store", UP)));

        Readiness readiness = service.check();

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.components())
                .containsOnly(entry("database", DOWN), entry("cache", UP), entry("object-store", UP));
    }

    @Test
    void staysReadyWithADegradedComponentAndSaysSo() {
        ReadinessService service = new ReadinessService(List.of(probe("database", UP), probe("cache", DEGRADED)));

        Readiness readiness = service.check();

        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.components()).containsEntry("cache", DEGRADED);
    }

    @Test
    void asksTheProbesAgainOnEveryCheck() {
        AtomicReference<State> database = new AtomicReference<>(UP);
        ReadinessService service = new ReadinessService(List.of(probe("database", database::get), probe("cache", UP)));

        assertThat(service.check().ready()).isTrue();
        database.set(DOWN);
        assertThat(service.check().ready()).isFalse();
        assertThat(service.check().components()).containsEntry("database", DOWN);
        database.set(UP);
        assertThat(service.check().ready()).isTrue();
    }

    @Test
    void listsTheComponentsInTheOrderOfTheProbes() {
        List<String> names = List.of(
                "database", "cache", "object-store", "weather", "search", "queue", "mail", "metrics", "tracing",
                "payments");
        ReadinessService service = new ReadinessService(names.stream().map(name -> probe(name, UP)).toList());

        assertThat(service.check().components().keySet()).containsExactlyElementsOf(names);
    }

    @Test
    void isNotReadyOnceShutdownIsAnnouncedAndStillShowsItsComponents() {
        ReadinessService service = new ReadinessService(List.of(probe("database", UP), probe("cache", DEGRADED)));
        assertThat(service.check().shuttingDown()).isFalse();

        service.announceShutdown();
        Readiness readiness = service.check();

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.shuttingDown()).isTrue();
        assertThat(readiness.components()).containsOnly(entry("database", UP), entry("cache", DEGRADED));
        service.announceShutdown();
        assertThat(service.check().shuttingDown()).as("for good").isTrue();
    }

    @Test
    void aReadinessCannotBeReadyAndShuttingDown() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Readiness(true, Map.of("database", UP), Map.of(), true));
    }

    private static ComponentProbe probe(String name, State state) {
        return probe(name, () -> state);
    }

    private static ComponentProbe probe(String name, Supplier<State> state) {
        return new ComponentProbe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public State state() {
                return state.get();
            }
        };
    }
}
