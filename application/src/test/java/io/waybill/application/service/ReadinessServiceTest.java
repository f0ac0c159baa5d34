package io.waybill.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.waybill.application.port.in.CheckReadinessUseCase.Readiness;
import io.waybill.application.port.out.ComponentProbe;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ReadinessServiceTest {

    @Test
    void isReadyWhenEveryComponentIsUp() {
        ReadinessService service = new ReadinessService(List.of(probe("database", true), probe("cache", true)));

        Readiness readiness = service.check();

        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.components()).containsOnly(entry("database", true), entry("cache", true));
    }

    @Test
    void refusesTwoProbesOfOneName() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ReadinessService(List.of(probe("database", true), probe("database", false))));
    }

    @Test
    void isNotReadyWhenOneComponentIsDown() {
        ReadinessService service = new ReadinessService(
                List.of(probe("database", true), probe("cache", false), probe("object-store", true)));

        Readiness readiness = service.check();

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.components())
                .containsOnly(entry("database", true), entry("cache", false), entry("object-store", true));
    }

    @Test
    void asksTheProbesAgainOnEveryCheck() {
        AtomicBoolean cacheUp = new AtomicBoolean(true);
        ReadinessService service = new ReadinessService(List.of(probe("database", true), probe("cache", cacheUp::get)));

        assertThat(service.check().ready()).isTrue();
        cacheUp.set(false);
        assertThat(service.check().ready()).isFalse();
        assertThat(service.check().components()).containsEntry("cache", false);
        cacheUp.set(true);
        assertThat(service.check().ready()).isTrue();
    }

    @Test
    void listsTheComponentsInTheOrderOfTheProbes() {
        List<String> names = List.of(
                "database", "cache", "object-store", "weather", "search", "queue", "mail", "metrics", "tracing",
                "payments");
        ReadinessService service = new ReadinessService(names.stream().map(name -> probe(name, true)).toList());

        assertThat(service.check().components().keySet()).containsExactlyElementsOf(names);
    }

    private static ComponentProbe probe(String name, boolean up) {
        return probe(name, () -> up);
    }

    private static ComponentProbe probe(String name, BooleanSupplier up) {
        return new ComponentProbe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isUp() {
                return up.getAsBoolean();
            }
        };
    }
}
