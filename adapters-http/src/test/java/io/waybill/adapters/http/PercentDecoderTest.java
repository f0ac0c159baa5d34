package io.waybill.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentDecoderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "RedBox%20Logistics       | RedBox Logistics",
        "RedBox+Logistics         | RedBox Logistics",
        "a%2Bb                    | a+b",
        "%e7%b4%85%E7%9B%92       | 紅盒",
        "%F0%9F%93%A6x            | 📦x",
        "plain                    | plain",
        "100%25                   | 100%",
    })
    void decodes(String raw, String decoded) {
        assertThat(PercentDecoder.decode(raw)).isEqualTo(decoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%z", "%zz", "a%2", "%%41", "%٣٣", "%ff", "%ff%fe", "%E7%B4", "%C0%AF", "%ED%A0%80"})
    void refusesWhatItCannotDecode(String raw) {
        assertThatIllegalArgumentException().isThrownBy(() -> PercentDecoder.decode(raw));
    }
}
