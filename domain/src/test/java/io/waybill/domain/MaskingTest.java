package io.waybill.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the public sees of a recipient: the first grapheme of the name and a fixed mask, the last three digits of a
 * phone of eight digits or more behind a fixed mask; nothing that tells a length.
 */
class MaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "賴小賴 | 賴**", "王小明 | 王**", "歐陽 | 歐**", "李 | 李**", "Ann Lee | A**", "Jean-Luc Picard | J**",
        "O'Brien | O**", "José Müller | J**", "'  Ann  ' | A**", "Ann 2nd | A**", "📦 Parcel Co | 📦**",
        "🇹🇼 Shop | 🇹🇼**", "👩‍👩‍👧 Family | 👩‍👩‍👧**"
    })
    void namesKeepTheirFirstGraphemeBehindAFixedMask(String name, String masked) {
        assertThat(party(name).maskedName()).contains(masked);
    }

    /** A vowel sign or an accent is part of its letter: hidden with the rest, or shown with the first letter. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "สมศักดิ์ | ส**", "กิตติ | กิ**", "ประยุทธ์ จันทร์โอชา | ป**", "राम | रा**", "सीता राम | सी**",
        "देवी | दे**", "E\u0301mile Zola | E\u0301**", "Zoe\u0308 | Z**"
    })
    void combiningMarksAreNeverShownApartFromTheirLetter(String name, String masked) {
        assertThat(party(name).maskedName()).contains(masked);
    }

    @Test
    void theMaskTellsNeitherTheLengthOfAWordNorOfTheName() {
        assertThat(party("Al").maskedName()).isEqualTo(party("Alexandra Maximiliane von Hohenberg").maskedName());
        assertThat(party("สม").maskedName()).isEqualTo(party("สมศักดิ์ ใจดีมากมาย").maskedName());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "091234567 | ******567", "0912-345-678 | ******678", "+886 912 345 678 | ******678",
        "+886912345678 | ******678", "(02) 2345-6789 | ******789", "12345678 | ******678"
    })
    void phonesShowOnlyTheirLastThreeDigitsBehindAFixedMask(String phone, String masked) {
        assertThat(new Phone(phone).masked()).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"123", "1234", "12-34", "110 119", "1234567", "+1 234 567"})
    void shortPhonesAreHiddenWhole(String phone) {
        assertThat(new Phone(phone).masked()).isEqualTo("*********");
    }

    @Test
    void aPartyWithoutANameHasNoMaskedName() {
        assertThat(Party.at(Address.of("Street 1", null, null, null)).maskedName()).isEmpty();
    }

    private static Party party(String name) {
        return new Party(Optional.empty(), Optional.of(name), Address.NONE, Optional.empty());
    }
}
