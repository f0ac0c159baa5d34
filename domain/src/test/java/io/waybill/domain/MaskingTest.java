package io.waybill.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the public sees of a recipient: the first character of the name, the last three digits of the phone. */
class MaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "賴小賴 | 賴**", "王小明 | 王**", "歐陽 | 歐*", "李 | 李", "Ann Lee | A** ***",
        "Jean-Luc Picard | J***-*** ******", "O'Brien | O'*****", "José Müller | J*** ******", "'  Ann  ' | A**",
        "Ann 2nd | A** ***", "📦 Parcel Co | 📦 ****** **"
    })
    void namesKeepTheirFirstCharacterAndTheirShape(String name, String masked) {
        assertThat(party(name).maskedName()).contains(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "091234567 | ******567", "0912-345-678 | ****-***-678", "+886 912 345 678 | +*** *** *** 678",
        "+886912345678 | +*********678", "(02) 2345-6789 | (**) ****-*789", "123 | 123", "1234 | *234"
    })
    void phonesShowOnlyTheirLastThreeDigits(String phone, String masked) {
        assertThat(new Phone(phone).masked()).isEqualTo(masked);
    }

    @Test
    void aPartyWithoutANameHasNoMaskedName() {
        assertThat(Party.at(Address.of("Street 1", null, null, null)).maskedName()).isEmpty();
    }

    private static Party party(String name) {
        return new Party(Optional.empty(), Optional.of(name), Address.NONE, Optional.empty());
    }
}
