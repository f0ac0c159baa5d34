package io.waybill.adapters.http.weather;

import static io.waybill.adapters.http.weather.WeatherProviderFailuresTest.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** {@link Secret}, named so that the weather tests' pattern runs it. */
class WeatherSecretTest {

    private final Secret secret = new Secret("s3cr3t");

    @Test
    void textLosesTheSecretWherever() {
        assertThat(secret.redact("GET /weather?appid=s3cr3t&units=metric, again s3cr3t"))
                .isEqualTo("GET /weather?appid=[redacted]&units=metric, again [redacted]");
    }

    @Test
    void aCauseMentioningTheSecretDeepDownIsStoodInForWithItsFrames() {
        IOException deep = new IOException("GET http://owm/data/2.5/weather?appid=s3cr3t failed");
        UncheckedIOException cause = new UncheckedIOException("wrapped", deep);

        Throwable shown = secret.redact(cause);

        assertThat(rendered(shown)).doesNotContain("s3cr3t").contains("appid=[redacted]");
        assertThat(shown.getStackTrace()).isEqualTo(deep.getStackTrace());
    }

    @Test
    void aCauseWithoutTheSecretIsKeptAsItIs() {
        IOException cause = new IOException("connection reset");

        assertThat(secret.redact(cause)).isSameAs(cause);
        assertThat(Secret.NONE.redact(cause)).isSameAs(cause);
        assertThat(secret.redact((Throwable) null)).isNull();
    }
}
