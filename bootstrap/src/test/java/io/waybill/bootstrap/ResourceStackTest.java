package io.waybill.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceStackTest {

    @Test
    void closesTheLastOpenedFirst() {
        List<String> closed = new ArrayList<>();
        ResourceStack resources = new ResourceStack();
        resources.push(() -> closed.add("database"));
        resources.push(() -> closed.add("cache"));
        resources.push(() -> closed.add("http"));

        resources.close();

        assertThat(closed).containsExactly("http", "cache", "database");
    }

    @Test
    void closesEveryResourceAndThrowsTheFirstFailureWithTheOthersSuppressed() {
        List<String> closed = new ArrayList<>();
        ResourceStack resources = new ResourceStack();
        resources.push(() -> closed.add("database"));
        resources.push(() -> {
            throw new IllegalStateException("cache");
        });
        resources.push(() -> {
            throw new java.io.IOException("http");
        });

        assertThatThrownBy(resources::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Waybill did not close cleanly")
                .satisfies(failure -> {
                    assertThat(failure.getCause()).hasMessage("http");
                    assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("cache");
                });
        assertThat(closed).containsExactly("database");
    }

    @Test
    void answersWhatItWasGiven() {
        ResourceStack resources = new ResourceStack();
        AutoCloseable resource = () -> {};

        assertThat(resources.push(resource)).isSameAs(resource);
    }
}
