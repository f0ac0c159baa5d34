package io.waybill.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"f47ac10b-58cc-4372-a567-0e02b2c3d479", "a", "order 42/retry~!"})
    void acceptsPrintableAscii(String value) {
        assertThat(new IdempotencyKey(value)).hasToString(value).isEqualTo(new IdempotencyKey(value));
    }

    @Test
    void acceptsUpTo255Characters() {
        assertThat(new IdempotencyKey("k".repeat(255)).value()).hasSize(255);
        assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyKey("k".repeat(256)))
                .withMessage("must be at most 255 characters long; got 256");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesNoKey(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyKey(value)).withMessage("must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab\there", "new\nline", "nul\u0000", "del\u007f", "é", "紅盒", "\ud800"})
    void refusesWhatIsNotPrintableAscii(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyKey(value))
                .withMessage("must be printable ASCII, such as a UUID");
    }
}
