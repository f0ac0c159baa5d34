package io.waybill.domain.trackingnumber;

import io.waybill.domain.CountryCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckCharacterTest {

    private static final String ALPHABET = CheckCharacter.ALPHABET;
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static List<String> issuedNumbers;

    @BeforeAll
    static void issueNumbers() {
        TrackingNumberFormat format = new TrackingNumberFormat(PermutationKey.parse("3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60"));
        long[] sequence = {0};
        issuedNumbers = new ArrayList<>();
        for (String origin : List.of("MY", "ID", "HK", "TW")) {
            for (int i = 0; i < 2_000; i++) {
                issuedNumbers.add(format.issue(CountryCode.of(origin), () -> sequence[0]++).value());
            }
        }
    }

    // Hand-computed with the algorithm in the class comment: state P starts at 36; for each value v,
    // S = (P + v) mod 36, read as 36 when 0, and P = 2S mod 37; the check value c makes (P + c) mod 36 = 1.
    //   "0":    S = 36 -> P = 72 mod 37 = 35; c = 37 - 35 = 2.
    //   "Z":    S = (36 + 35) mod 36 = 35 -> P = 70 mod 37 = 33; c = 37 - 33 = 4.
    //   "MY":   M = 22: S = 22 -> P = 44 mod 37 = 7; Y = 34: S = 41 mod 36 = 5 -> P = 10; c = 27, which is R.
    //   "A0B1": A = 10: S = 10 -> P = 20; 0: S = 20 -> P = 40 mod 37 = 3; B = 11: S = 14 -> P = 28;
    //           1: S = 29 -> P = 58 mod 37 = 21; c = 37 - 21 = 16, which is G.
    // The last row is the published Global Release Identifier example A1-2425G-ABC1234002-M, which uses this system.
    @ParameterizedTest
    @CsvSource({"0, 2", "Z, 4", "MY, R", "A0B1, G", "A12425GABC1234002, M"})
    void computesTheIso7064Mod3736CheckCharacter(String payload, char check) {
        assertThat(CheckCharacter.compute(payload)).isEqualTo(check);
        assertThat(CheckCharacter.verify(payload + check)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "2"})
    void nothingShorterThanTwoCharactersVerifies(String number) {
        assertThat(CheckCharacter.verify(number)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "-", " ", "Ä", "٣"})
    void refusesCharactersOutsideTheAlphabet(String character) {
        assertThatIllegalArgumentException().isThrownBy(() -> CheckCharacter.compute("MY" + character))
                .withMessageContaining("0-9A-Z");
    }

    @Test
    void theComputedCheckCharacterVerifies() {
        SplittableRandom random = new SplittableRandom(7064);
        for (int i = 0; i < 20_000; i++) {
            String payload = randomPayload(random);
            char check = CheckCharacter.compute(payload);

            assertThat(CheckCharacter.verify(payload + check)).as(payload).isTrue();
            long valid = ALPHABET.chars().filter(c -> CheckCharacter.verify(payload + (char) c)).count();
            assertThat(valid).as("exactly one check character fits " + payload).isEqualTo(1);
        }
    }

    @Test
    void issuedNumbersCatchEverySingleSubstitution() {
        for (String number : issuedNumbers) {
            char[] characters = number.toCharArray();
            for (int position = 0; position < characters.length; position++) {
                char original = characters[position];
                for (int k = 0; k < ALPHABET.length(); k++) {
                    char replacement = ALPHABET.charAt(k);
                    if (replacement == original) {
                        continue;
                    }
                    characters[position] = replacement;
                    String mistyped = new String(characters);
                    if (CheckCharacter.verify(mistyped)) {
                        throw new AssertionError(number + " with " + replacement + " at " + position
                                + " still verifies: " + mistyped);
                    }
                }
                characters[position] = original;
            }
        }
    }

    @Test
    void issuedNumbersCatchEveryAdjacentTransposition() {
        int swapsTried = 0;
        for (String number : issuedNumbers) {
            assertThat(CheckCharacter.verify(number)).isTrue();
            for (int position = 0; position + 1 < number.length(); position++) {
                if (number.charAt(position) != number.charAt(position + 1)) {
                    String swapped = swap(number, position);
                    assertThat(CheckCharacter.verify(swapped)).as("%s swapped at %d: %s", number, position, swapped)
                            .isFalse();
                    swapsTried++;
                }
            }
        }
        assertThat(swapsTried).isGreaterThan(issuedNumbers.size() * 10);
    }

    @Test
    void blindTranspositionsAreFoundExactlyWhereASwapStaysValid() {
        SplittableRandom random = new SplittableRandom(3736);
        int blind = 0;
        for (int i = 0; i < 20_000; i++) {
            String payload = randomPayload(random);
            String number = payload + CheckCharacter.compute(payload);
            List<Integer> validSwaps = validSwapPositions(number);

            assertThat(CheckCharacter.hasBlindTransposition(number)).as(number).isEqualTo(!validSwaps.isEmpty());
            for (int position : validSwaps) {
                int first = CheckCharacter.value(number.charAt(position));
                int second = CheckCharacter.value(number.charAt(position + 1));
                // the class comment: only neighbouring values (one apart, or 0 and Z) can swap unnoticed
                assertThat(Math.abs(first - second)).as("%s at %d", number, position).isIn(1, 35);
            }
            if (!validSwaps.isEmpty()) {
                blind++;
            }
        }
        assertThat(blind).as("numbers with a blind transposition, out of 20,000").isBetween(100, 1_000);
    }

    @Test
    void aBlindTranspositionBetweenTheLastBodyCharacterAndTheCheckCharacterIsFound() {
        SplittableRandom random = new SplittableRandom(12);
        String number;
        do {
            String payload = randomPayload(random);
            number = payload + CheckCharacter.compute(payload);
        } while (!validSwapPositions(number).equals(List.of(number.length() - 2)));

        assertThat(CheckCharacter.verify(swap(number, number.length() - 2))).isTrue();
        assertThat(CheckCharacter.hasBlindTransposition(number)).isTrue();
    }

    private static List<Integer> validSwapPositions(String number) {
        List<Integer> positions = new ArrayList<>();
        for (int position = 0; position + 1 < number.length(); position++) {
            if (number.charAt(position) != number.charAt(position + 1)
                    && CheckCharacter.verify(swap(number, position))) {
                positions.add(position);
            }
        }
        return positions;
    }

    private static String swap(String number, int position) {
        char[] characters = number.toCharArray();
        characters[position] = number.charAt(position + 1);
        characters[position + 1] = number.charAt(position);
        return new String(characters);
    }

    private static String randomPayload(SplittableRandom random) {
        StringBuilder payload = new StringBuilder(12);
        payload.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        payload.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        for (int i = 0; i < 10; i++) {
            payload.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return payload.toString();
    }
}
