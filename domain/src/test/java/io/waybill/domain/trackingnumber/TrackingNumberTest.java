package io.waybill.domain.trackingnumber;

import io.waybill.domain.CountryCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingNumberTest {

    // MY0A1B2C3D4E with its check character: see CheckCharacterTest for how it is computed
    private static final String VALID = "MY0A1B2C3D4ES";

    @Test
    void theSampleNumberIsValid() {
        assertThat(CheckCharacter.compute(VALID.substring(0, 12))).isEqualTo('S');
    }

    @ParameterizedTest
    @ValueSource(strings = {"MY0A1B2C3D4ES", "my0a1b2c3d4es", "My0A1b2C3d4Es", "  MY0A1B2C3D4ES ", "\tmy0a1b2c3d4es\n"})
    void parsesUpperAndLowerCaseWithSurroundingSpace(String text) {
        TrackingNumber number = TrackingNumber.parse(text);

        assertThat(number.value()).isEqualTo(VALID);
        assertThat(number).hasToString(VALID);
        assertThat(number.origin()).isEqualTo(CountryCode.of("MY"));
    }

    @Test
    void refusesNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingNumber.parse(null))
                .withMessageStartingWith("must be 13 characters")
                .withMessageEndingWith("got nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "MY0A1B2C3D4E", "MY0A1B2C3D4ES0", "MY", "MY0A1B2C3D4ESMY0A1B2C3D4ES"})
    void refusesTheWrongLength(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingNumber.parse(text))
                .withMessageStartingWith("must be 13 characters: a country code, ten letters or digits and a check"
                        + " character");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "MY0A1B2C3D4-S", "MY0A1B2C3D4_S", "MY0A1B2C3D4ÉS", "MY0A1B 2C3D4S", "MY0A1B2C3D4E*", "M10A1B2C3D4ES",
        "120A1B2C3D4ES", "MY0A1B2C3D4E٣"
    })
    void refusesCharactersOutsideDigitsAndLetters(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingNumber.parse(text))
                .withMessageContaining("ten letters or digits")
                .withMessageContaining("got '" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my0a1b2c3d4eſ", "my0a1b2c3d4es\u0131", "MY0A1B2C3D4ES\u00a0"})
    void refusesNonAsciiLettersThatUpperCaseToAscii(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingNumber.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "QZ", "AA", "ZZ"})
    void refusesUnassignedCountryCodesEvenWithTheRightCheckCharacter(String country) {
        String payload = country + "0A1B2C3D4E";
        String text = payload + CheckCharacter.compute(payload);

        assertThatIllegalArgumentException().isThrownBy(() -> TrackingNumber.parse(text))
                .withMessageStartingWith("must be an assigned ISO 3166-1 alpha-2 country code")
                .withMessageContaining("got '" + country + "'");
    }

    @Test
    void refusesEveryWrongCheckCharacter() {
        for (char wrong : CheckCharacter.ALPHABET.toCharArray()) {
            if (wrong == 'S') {
                continue;
            }
            String text = VALID.substring(0, 12) + wrong;
            assertThatIllegalArgumentException().isThrownBy(() -> TrackingNumber.parse(text))
                    .withMessage("has a wrong check character; is it mistyped? Got '" + text + "'");
        }
    }

    @Test
    void refusesAMistypedNumber() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingNumber.parse("MY0A1B2C3D5ES"))
                .withMessageContaining("wrong check character");
        assertThatIllegalArgumentException().isThrownBy(() -> TrackingNumber.parse("MY0A1B2C3DE4S"))
                .withMessageContaining("wrong check character");
    }

    @Test
    void theConstructorAcceptsOnlyTheCanonicalForm() {
        assertThat(new TrackingNumber(VALID).value()).isEqualTo(VALID);
        assertThatIllegalArgumentException().isThrownBy(() -> new TrackingNumber(VALID.toLowerCase(Locale.ROOT)));
        assertThatIllegalArgumentException().isThrownBy(() -> new TrackingNumber(" " + VALID));
    }

    @Test
    void theExampleInTheMessageIsAValidNumber() {
        String message = null;
        try {
            TrackingNumber.parse("nonsense");
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
        }
        Matcher example = Pattern.compile("such as (\\w+)").matcher(String.valueOf(message));
        assertThat(example.find()).as(message).isTrue();

        assertThat(CheckCharacter.verify(example.group(1)))
                .as("the example %s in the message '%s' must itself be valid", example.group(1), message)
                .isTrue();
    }
}
