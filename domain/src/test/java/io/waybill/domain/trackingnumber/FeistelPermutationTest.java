package io.waybill.domain.trackingnumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeistelPermutationTest {

    private static final PermutationKey KEY = PermutationKey.parse("000102030405060708090a0b0c0d0e0f");
    private static final long CAPACITY = TrackingNumberFormat.CAPACITY;

    static Stream<Arguments> smallRanges() {
        long[] sizes = {2, 3, 1000, 36 * 36 * 36, 65_537};
        String[] keys = {
            "000102030405060708090a0b0c0d0e0f", "00000000000000000000000000000000", "fedcba9876543210f0e1d2c3b4a59687"
        };
        return Arrays.stream(sizes).boxed().flatMap(size -> Arrays.stream(keys).map(key -> Arguments.of(size, key)));
    }

    @ParameterizedTest(name = "size {0}, key {1}")
    @MethodSource("smallRanges")
    void isABijectionOnTheWholeRange(long size, String key) {
        FeistelPermutation permutation = new FeistelPermutation(PermutationKey.parse(key), size);
        boolean[] seen = new boolean[(int) size];

        for (long input = 0; input < size; input++) {
            long output = permutation.permute(input);
            assertThat(output).as("p(%d)", input).isBetween(0L, size - 1);
            assertThat(seen[(int) output]).as("p(%d) = %d repeats an earlier output", input, output).isFalse();
            seen[(int) output] = true;
            assertThat(permutation.invert(output)).isEqualTo(input);
        }
    }

    @Test
    void shufflesASmallRange() {
        FeistelPermutation permutation = new FeistelPermutation(KEY, 1000);
        int fixedPoints = 0;
        for (long input = 0; input < 1000; input++) {
            if (permutation.permute(input) == input) {
                fixedPoints++;
            }
        }
        assertThat(fixedPoints).isLessThan(10);
    }

    @Test
    void neverRepeatsOverLongRunsAtBothEndsOfTheTrackingNumberRange() {
        FeistelPermutation permutation = new FeistelPermutation(KEY, CAPACITY);
        int fromStart = 3_000_000;
        int towardsEnd = 1_000_000;
        long[] outputs = new long[fromStart + towardsEnd];
        for (int i = 0; i < fromStart; i++) {
            outputs[i] = permutation.permute(i);
        }
        for (int i = 0; i < towardsEnd; i++) {
            outputs[fromStart + i] = permutation.permute(CAPACITY - towardsEnd + i);
        }

        for (int i = 0; i < outputs.length; i += 997) {
            long input = i < fromStart ? i : CAPACITY - towardsEnd + (i - fromStart);
            assertThat(permutation.invert(outputs[i])).isEqualTo(input);
        }
        Arrays.sort(outputs);
        assertThat(outputs[0]).isNotNegative();
        assertThat(outputs[outputs.length - 1]).isLessThan(CAPACITY);
        for (int i = 1; i < outputs.length; i++) {
            if (outputs[i] == outputs[i - 1]) {
                throw new AssertionError("output " + outputs[i] + " is produced twice");
            }
        }
    }

    @Test
    void consecutiveInputsDoNotGiveNeighbouringOutputs() {
        FeistelPermutation permutation = new FeistelPermutation(KEY, CAPACITY);
        int neighbours = 0;
        long previous = permutation.permute(0);
        for (long input = 1; input <= 100_000; input++) {
            long current = permutation.permute(input);
            if (Math.abs(current - previous) == 1) {
                neighbours++;
            }
            previous = current;
        }
        assertThat(neighbours).isLessThan(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000102030405060708090a0b0c0d0e0e", "010102030405060708090a0b0c0d0e0f"})
    void aKeyDifferingInOneBitGivesOtherOutputs(String otherKey) {
        FeistelPermutation permutation = new FeistelPermutation(KEY, CAPACITY);
        FeistelPermutation other = new FeistelPermutation(PermutationKey.parse(otherKey), CAPACITY);
        int same = 0;
        for (long input = 0; input < 10_000; input++) {
            if (permutation.permute(input) == other.permute(input)) {
                same++;
            }
        }
        assertThat(same).isLessThan(2);
    }

    @Test
    void theSameKeyGivesTheSameOutputs() {
        FeistelPermutation permutation = new FeistelPermutation(KEY, CAPACITY);
        FeistelPermutation again = new FeistelPermutation(PermutationKey.parse(KEY.toHex()), CAPACITY);
        for (long input = 0; input < 1_000; input++) {
            assertThat(again.permute(input)).isEqualTo(permutation.permute(input));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE, 1000, 1001, Long.MAX_VALUE})
    void refusesValuesOutsideTheRange(long value) {
        FeistelPermutation permutation = new FeistelPermutation(KEY, 1000);

        assertThatIllegalArgumentException().isThrownBy(() -> permutation.permute(value)).withMessageContaining("outside");
        assertThatIllegalArgumentException().isThrownBy(() -> permutation.invert(value)).withMessageContaining("outside");
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1, 0, 1, (1L << 62) + 1, Long.MAX_VALUE})
    void refusesSizesItCannotCover(long size) {
        assertThatIllegalArgumentException().isThrownBy(() -> new FeistelPermutation(KEY, size));
    }

    @Test
    void worksAtTheLargestSize() {
        long size = 1L << 62;
        FeistelPermutation permutation = new FeistelPermutation(KEY, size);

        assertThat(permutation.size()).isEqualTo(size);
        for (long input : new long[] {0, 1, size / 2, size - 1}) {
            long output = permutation.permute(input);
            assertThat(output).isBetween(0L, size - 1);
            assertThat(permutation.invert(output)).isEqualTo(input);
        }
    }
}
