package io.waybill.domain.trackingnumber;

import io.waybill.domain.CountryCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingNumberFormatTest {

    private static final Pattern ALLOWED = Pattern.compile("^[A-Z0-9]{1,16}$");
    private static final PermutationKey KEY = PermutationKey.parse("9e3779b97f4a7c15f39cc0605cedc834");
    private static final long CAPACITY = TrackingNumberFormat.CAPACITY;

    private final TrackingNumberFormat format = new TrackingNumberFormat(KEY);

    @Test
    void capacityIsTenBase36Digits() {
        assertThat(CAPACITY).isEqualTo(3_656_158_440_062_976L);
    }

    // Origins whose own letters do not fall into a blind pair with the first body character; for HK, VU and a few
    // others that pair adds about 1 in 36 to the skip rate.
    @ParameterizedTest
    @ValueSource(strings = {"MY", "ID", "SG", "TW"})
    void issuesDistinctWellFormedNumbersThatLeadBackToTheirSequence(String origin) {
        CountryCode country = CountryCode.of(origin);
        long[] counter = {0};
        LongSupplier sequences = () -> counter[0]++;
        int consecutive = 200_000;
        Set<String> seen = new HashSet<>();

        while (counter[0] < consecutive) {
            TrackingNumber number = format.issue(country, sequences);
            long used = counter[0] - 1;
            String value = number.value();

            assertThat(ALLOWED.matcher(value).matches()).as(value).isTrue();
            assertThat(value).hasSize(TrackingNumber.LENGTH).startsWith(origin);
            assertThat(number.origin()).isEqualTo(country);
            assertThat(TrackingNumber.parse(value)).isEqualTo(number);
            assertThat(CheckCharacter.hasBlindTransposition(value)).as(value).isFalse();
            assertThat(format.sequenceOf(number)).as(value).isEqualTo(used);
            assertThat(seen.add(value)).as("%s issued twice", value).isTrue();
        }

        double skipRate = (consecutive - seen.size()) / (double) consecutive;
        assertThat(skipRate).isGreaterThan(0.0).isLessThan(0.03);
    }

    @Test
    void everyAssignedCountryCanBeAnOrigin() {
        // issue() skips every candidate whose country code letters alone make a blind pair, so such a country would
        // never get a number.
        AtomicLong sequence = new AtomicLong();
        for (String code : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)) {
            assertThat(CheckCharacter.hasBlindTransposition(code)).as(code).isFalse();

            long before = sequence.get();
            TrackingNumber number = format.issue(CountryCode.of(code), sequence::getAndIncrement);

            assertThat(number.origin().value()).isEqualTo(code);
            assertThat(sequence.get() - before).as("sequence numbers used for %s", code).isLessThan(10);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE, 3_656_158_440_062_976L, 3_656_158_440_062_977L, Long.MAX_VALUE})
    void refusesSequenceNumbersOutsideTheSpace(long sequence) {
        assertThatIllegalStateException().isThrownBy(() -> format.issue(CountryCode.of("MY"), () -> sequence))
                .withMessageContaining("exhausted")
                .withMessageContaining(Long.toString(sequence));
    }

    @Test
    void issuesUpToTheLastSequenceNumberAndThenStops() {
        AtomicLong sequence = new AtomicLong(CAPACITY - 20);
        List<TrackingNumber> issued = new ArrayList<>();

        assertThatIllegalStateException().isThrownBy(() -> {
            while (true) {
                issued.add(format.issue(CountryCode.of("MY"), sequence::getAndIncrement));
            }
        });

        assertThat(issued).hasSizeGreaterThan(15);
        assertThat(issued.stream().mapToLong(format::sequenceOf)).allMatch(s -> s >= CAPACITY - 20 && s < CAPACITY);
        assertThat(sequence.get()).isEqualTo(CAPACITY + 1);
    }

    @Test
    void theSameKeyGivesTheSameNumbers() {
        TrackingNumberFormat again = new TrackingNumberFormat(PermutationKey.parse(KEY.toHex()));

        assertThat(issue(again, "MY", 1_000)).isEqualTo(issue(format, "MY", 1_000));
    }

    @Test
    void anotherKeyGivesOtherNumbers() {
        TrackingNumberFormat other = new TrackingNumberFormat(PermutationKey.parse("9e3779b97f4a7c15f39cc0605cedc835"));

        List<String> ours = issue(format, "MY", 1_000);
        List<String> theirs = issue(other, "MY", 1_000);

        assertThat(theirs).doesNotContainAnyElementsOf(ours);
    }

    private static List<String> issue(TrackingNumberFormat format, String origin, int count) {
        AtomicLong sequence = new AtomicLong();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(format.issue(CountryCode.of(origin), sequence::getAndIncrement).value());
        }
        return numbers;
    }
}
