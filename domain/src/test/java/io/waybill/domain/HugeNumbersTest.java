package io.waybill.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A number such as 1e999999999 is refused with a short message: nothing writes out its billion digits. */
class HugeNumbersTest {

    private static final int SHORT = 120;

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e999999999", "1e-999999999", "1.5e-999999999", "1E+2147483647"})
    void aWeightOrPriceOfAHugeExponentIsRefusedShortly(String text) {
        BigDecimal number = new BigDecimal(text);

        assertThatIllegalArgumentException().isThrownBy(() -> new Weight(number))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(SHORT));
        assertThatIllegalArgumentException().isThrownBy(() -> new Article("tea", 1, Optional.of(number),
                Optional.empty())).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(SHORT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1e-999", "12345678901234567890123456789012345678901", "1e", "NaN",
            "0x10", "1,5", "", " 1"})
    void aPriceIsJudgedByHowItIsWrittenBeforeItIsRead(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Article.parsePrice(text))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(SHORT)
                        .startsWith("must be a decimal number such as 9.99; got '"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.99", "0", "1e2", "+5", ".5", "5.", "-0.01", "1.5E-3"})
    void aPriceWrittenAsADecimalIsRead(String text) {
        assertThat(Article.parsePrice(text)).isEqualByComparingTo(new BigDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e-999999999", "123456789012345678901234567890123456789012345678901"})
    void aNumberIsShownInAtMostFortyCharacters(String text) {
        assertThat(Text.number(new BigDecimal(text))).hasSizeLessThanOrEqualTo(43);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000", "0.00001", "-0.01", "1E+12"})
    void aShortNumberIsShownWrittenOut(String text) {
        assertThat(Text.number(new BigDecimal(text))).isEqualTo(new BigDecimal(text).toPlainString());
    }
}
