package io.waybill.adapters.http;

import static io.waybill.adapters.http.TestServer.KEY;
import static io.waybill.adapters.http.TestServer.OTHER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(List.of(KEY, OTHER_KEY));

    @Test
    void matchesEveryConfiguredKey() {
        assertThat(keys.matches(KEY)).isTrue();
        assertThat(keys.matches(OTHER_KEY)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "staff-key-0123456789abcde", "staff-key-0123456789abcdef0",
        "staff-key-0123456789abcdefstaff-key-0123456789abcdef", "STAFF-KEY-0123456789ABCDEF", " staff-key-0123456789abcdef",
        "another-staff-key-0123456789staff-key-0123456789abcdef"})
    void refusesWrongKeysOfEveryLength(String presented) {
        assertThat(keys.matches(presented)).isFalse();
    }

    @Test
    void comparesDigestsOfOneLengthWhateverTheLengthOfTheKey() {
        assertThat(ApiKeys.sha256("")).hasSize(32);
        assertThat(ApiKeys.sha256(KEY)).hasSize(32);
        assertThat(ApiKeys.sha256("k".repeat(100_000))).hasSize(32);
    }

    @Test
    void settingsRefuseMissingShortOrUnprintableKeysWithoutShowingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HttpSettings("127.0.0.1", 0, List.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HttpSettings("127.0.0.1", 0, List.of(KEY, "fifteen-chars-k")))
                .withMessage("API key 2 must be at least 16 characters long; it has 15")
                .withMessageNotContaining("fifteen");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HttpSettings("127.0.0.1", 0, List.of("has a space in it, sadly")));
    }

    @Test
    void settingsNeverShowTheKeys() {
        HttpSettings settings = new HttpSettings("127.0.0.1", 8080, List.of(KEY, OTHER_KEY));

        assertThat(settings.toString()).isEqualTo("HttpSettings[host=127.0.0.1, port=8080, apiKeys=2 (hidden),"
                        + " maxStrictImportBytes=536870912, bodyLimits=BodyLimits[timeout=PT15S,"
                        + " minImportBytesPerSecond=4096], corsOrigins=[]]")
                .doesNotContain(KEY).doesNotContain(OTHER_KEY);
    }
}
