package io.waybill.domain;

import io.waybill.domain.trackingnumber.PermutationKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @Nested
    class CountryCodes {

        @ParameterizedTest
        @ValueSource(strings = {"MY", "ID", "SG", "TW"})
        void acceptsAssignedCodes(String code) {
            CountryCode country = CountryCode.of(code);

            assertThat(country.value()).isEqualTo(code);
            assertThat(country).hasToString(code).isEqualTo(new CountryCode(code));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"XX", "xx", "my", "MYS", "A1", "M", " MY", "QZ"})
        void refusesAnythingElse(String code) {
            assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.of(code))
                    .withMessageStartingWith("must be an assigned ISO 3166-1 alpha-2 country code in upper case");
        }

        @Test
        void quotesTheRejectedValue() {
            assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.of("XX"))
                    .withMessageEndingWith("got 'XX'");
            assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.of(null))
                    .withMessageEndingWith("got nothing");
        }
    }

    @Nested
    class Weights {

        @ParameterizedTest
        @CsvSource({"1.234, 1.234", "0.001, 0.001", "10000, 10000", "10000.000, 10000", "0.5, 0.5", "007, 7"})
        void parsesPlainDecimals(String text, BigDecimal kilograms) {
            Weight weight = Weight.parse(text);

            assertThat(weight.kilograms()).isEqualByComparingTo(kilograms);
        }

        @Test
        void showsWhatWasWritten() {
            assertThat(Weight.parse("1.230")).hasToString("1.23");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"abc", "1.2345", "1e3", "1E3", " 1", "1 ", "1,5", "-1", "+1", ".5", "1.", "0x10", "١"})
        void refusesWhatIsNotAPlainDecimal(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> Weight.parse(text))
                    .withMessageStartingWith("must be a decimal number of kilograms with at most 3 decimals");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.000", "000"})
        void refusesZero(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> Weight.parse(text))
                    .withMessageStartingWith("must be more than 0 kg");
        }

        @ParameterizedTest
        @ValueSource(strings = {"10000.001", "10001", "999999999"})
        void refusesMoreThanTenTonnes(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> Weight.parse(text))
                    .withMessage("must be at most 10000 kg; got " + text);
        }

        @Test
        void theConstructorHoldsTheSameRules() {
            assertThat(new Weight(new BigDecimal("1.2300")).kilograms()).isEqualByComparingTo("1.23");
            assertThatIllegalArgumentException().isThrownBy(() -> new Weight(null)).withMessage("is required");
            assertThatIllegalArgumentException().isThrownBy(() -> new Weight(new BigDecimal("-0.001")))
                    .withMessageStartingWith("must be more than 0 kg");
            assertThatIllegalArgumentException().isThrownBy(() -> new Weight(new BigDecimal("0.0001")))
                    .withMessageStartingWith("must have at most 3 decimals");
        }
    }

    @Nested
    class CustomerIds {

        private static final String CANONICAL = "de619854-b59b-425e-9db4-943979e1bd49";

        @Test
        void parsesTheCanonicalForm() {
            CustomerId id = CustomerId.parse(CANONICAL);

            assertThat(id.value()).isEqualTo(UUID.fromString(CANONICAL));
            assertThat(id).hasToString(CANONICAL);
        }

        @Test
        void parsesUpperCaseAsTheSameId() {
            assertThat(CustomerId.parse(CANONICAL.toUpperCase(Locale.ROOT))).isEqualTo(CustomerId.parse(CANONICAL));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {
            "1-2-3-4-5", "de619854b59b425e9db4943979e1bd49", "garbage", "{de619854-b59b-425e-9db4-943979e1bd49}",
            " de619854-b59b-425e-9db4-943979e1bd49", "de619854-b59b-425e-9db4-943979e1bd4", "de619854-b59b-425e-9db4-943979e1bd49a",
            "ge619854-b59b-425e-9db4-943979e1bd49"
        })
        void refusesAnythingElse(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> CustomerId.parse(text))
                    .withMessageStartingWith("must be a UUID such as de619854-b59b-425e-9db4-943979e1bd49");
        }

        @Test
        void theConstructorRefusesNothing() {
            assertThatIllegalArgumentException().isThrownBy(() -> new CustomerId(null)).withMessage("is required");
        }
    }

    @Nested
    class CustomerNames {

        @ParameterizedTest
        @ValueSource(strings = {"Redbox Logistics", "紅盒物流", "📦 Parcel Co 🚚", "A", "O'Brien & Söhne GmbH"})
        void acceptsNames(String name) {
            assertThat(new CustomerName(name).value()).isEqualTo(name);
            assertThat(new CustomerName(name)).hasToString(name);
        }

        @Test
        void acceptsExactly200CodePoints() {
            assertThat(new CustomerName("a".repeat(200)).value()).hasSize(200);
            String emoji = "📦".repeat(200);
            assertThat(new CustomerName(emoji).value()).isEqualTo(emoji).hasSize(400);
        }

        @Test
        void refusesMoreThan200CodePoints() {
            assertThatIllegalArgumentException().isThrownBy(() -> new CustomerName("a".repeat(201)))
                    .withMessage("must be at most 200 characters long");
            assertThatIllegalArgumentException().isThrownBy(() -> new CustomerName("紅".repeat(201)))
                    .withMessage("must be at most 200 characters long");
            assertThatIllegalArgumentException().isThrownBy(() -> new CustomerName("📦".repeat(201)))
                    .withMessage("must be at most 200 characters long");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "   ", "\t", "\n", " \u2003 "})
        void refusesBlankNames(String name) {
            assertThatIllegalArgumentException().isThrownBy(() -> new CustomerName(name))
                    .withMessage("must not be blank");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Red\u0000box", "Red\nbox", "Red\tbox", "Redbox\r", "Red\u007fbox", "Red\u0085box"})
        void refusesControlCharactersAndShowsThem(String name) {
            assertThatIllegalArgumentException().isThrownBy(() -> new CustomerName(name))
                    .withMessageStartingWith("must not contain control characters; got 'Red")
                    .withMessageMatching("(?s).*\\\\u00[0-9a-f]{2}.*")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("\\p{Cc}"));
        }
    }

    @Nested
    class CustomerSlugs {

        @ParameterizedTest
        @ValueSource(strings = {"redbox-logistics", "a", "a1-b2", "7-eleven", "x-y-z"})
        void acceptsKebabCase(String slug) {
            assertThat(new CustomerSlug(slug)).hasToString(slug);
        }

        @Test
        void acceptsExactly100Characters() {
            assertThat(new CustomerSlug("a".repeat(100)).value()).hasSize(100);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"-a", "a-", "a--b", "A", "Redbox", "a b", "a_b", "-", "ä", "a.b"})
        void refusesAnythingElse(String slug) {
            assertThatIllegalArgumentException().isThrownBy(() -> new CustomerSlug(slug))
                    .withMessageStartingWith("must be kebab-case (lower-case letters and digits joined by single"
                            + " hyphens), such as redbox-logistics");
        }

        @Test
        void refusesMoreThan100Characters() {
            assertThatIllegalArgumentException().isThrownBy(() -> new CustomerSlug("a".repeat(101)))
                    .withMessage("must be at most 100 characters long");
            assertThatIllegalArgumentException().isThrownBy(() -> new CustomerSlug("ab-".repeat(33) + "cd"))
                    .withMessage("must be at most 100 characters long");
        }

        @Test
        void refusesAHugeSlugWithoutOverflowingTheStack() {
            assertThatIllegalArgumentException().isThrownBy(() -> new CustomerSlug("a-".repeat(50_000) + "a"))
                    .withMessage("must be at most 100 characters long");
        }
    }

    @Nested
    class OrderTimes {

        @ParameterizedTest
        @CsvSource({
            "2018-11-20T19:29:32+08:00, 2018-11-20T19:29:32+08:00",
            "2018-11-20T11:29:32Z, 2018-11-20T11:29:32Z",
            "2018-11-20t11:29:32z, 2018-11-20T11:29:32Z",
            "2018-11-20 19:29:32+08:00, 2018-11-20T19:29:32+08:00",
            "2018-11-20T19:29:32.5+08:00, 2018-11-20T19:29:32.500+08:00",
            "2018-11-20T19:29:32.123456789-05:30, 2018-11-20T19:29:32.123456789-05:30",
            "1970-01-01T00:00:00Z, 1970-01-01T00:00Z",
            "9999-12-31T23:59:59+14:00, 9999-12-31T23:59:59+14:00",
            "2018-11-20T19:29:32.000001-00:00, 2018-11-20T19:29:32.000001Z",
            "2018-11-20T19:29:32.12Z, 2018-11-20T19:29:32.120Z"
        })
        void parsesRfc3339AndKeepsTheOffset(String text, String expected) {
            OrderTime time = OrderTime.parse(text);

            assertThat(time.value()).isEqualTo(OffsetDateTime.parse(expected));
            assertThat(time.value().getOffset()).isEqualTo(OffsetDateTime.parse(expected).getOffset());
        }

        @Test
        void keepsTheOffsetAsWritten() {
            OrderTime time = OrderTime.parse("2018-11-20T19:29:32+08:00");

            assertThat(time.value())
                    .isEqualTo(OffsetDateTime.of(2018, 11, 20, 19, 29, 32, 0, ZoneOffset.ofHours(8)));
            assertThat(time).hasToString("2018-11-20T19:29:32+08:00");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {
            "2018-11-20T19:29+08:00", "2018-11-20T19:29:32", "2018-11-20T19:29:32+0800", "invalid-date-format",
            "10000-01-01T00:00:00Z", "2018-11-20", "2018-11-20T19:29:32+08", "2018-11-20T19:29:32.+08:00",
            " 2018-11-20T19:29:32Z", "2018-11-20T19:29:32.1234567891Z", "2018-11-20X19:29:32Z"
        })
        void refusesWhatIsNotAnRfc3339DateTimeWithOffset(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> OrderTime.parse(text))
                    .withMessageStartingWith("must be an RFC 3339 date-time with an offset, such as"
                            + " 2018-11-20T19:29:32+08:00");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "2018-02-30T00:00:00Z", "2019-02-29T00:00:00Z", "2018-13-01T00:00:00Z", "2018-11-20T24:00:00Z",
            "2018-11-20T19:60:00Z", "2018-11-20T19:29:32+19:00", "2018-11-20T23:59:60Z", "2018-11-20T19:29:32+08:60"
        })
        void refusesDatesAndTimesThatDoNotExist(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> OrderTime.parse(text))
                    .withMessage("is not a real date and time: '" + text + "'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1969-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999+14:00"})
        void refusesYearsBefore1970(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> OrderTime.parse(text))
                    .withMessageStartingWith("must be between the years 1970 and 9999");
        }

        @Test
        void theConstructorRefusesNothing() {
            assertThatNullPointerException().isThrownBy(() -> new OrderTime(null));
        }
    }

    @Nested
    class PermutationKeys {

        private static final String HEX = "000102030405060708090a0b0c0d0e0f";

        @Test
        void parsesBothHalves() {
            PermutationKey key = PermutationKey.parse(HEX);

            assertThat(key.high()).isEqualTo(0x0001020304050607L);
            assertThat(key.low()).isEqualTo(0x08090a0b0c0d0e0fL);
            assertThat(key.toHex()).isEqualTo(HEX);
        }

        @Test
        void parsesUpperCaseAndWritesLowerCase() {
            PermutationKey key = PermutationKey.parse("FEDCBA9876543210F0E1D2C3B4A59687");

            assertThat(key).isEqualTo(new PermutationKey(0xfedcba9876543210L, 0xf0e1d2c3b4a59687L));
            assertThat(key.toHex()).isEqualTo("fedcba9876543210f0e1d2c3b4a59687");
        }

        @Test
        void randomKeysSurviveTheRoundTrip() {
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < 1_000; i++) {
                PermutationKey key = PermutationKey.random(random);
                String hex = key.toHex();

                assertThat(hex).hasSize(32).matches("[0-9a-f]{32}");
                assertThat(PermutationKey.parse(hex)).isEqualTo(key);
            }
        }

        @Test
        void randomKeysComeFromTheGivenGenerator() {
            assertThat(PermutationKey.random(new SplittableRandom(5)))
                    .isEqualTo(PermutationKey.random(new SplittableRandom(5)))
                    .isNotEqualTo(PermutationKey.random(new SplittableRandom(6)));
        }

        @Test
        void toStringDoesNotRevealTheKey() {
            PermutationKey key = PermutationKey.parse("fedcba9876543210f0e1d2c3b4a59687");
            String shown = key.toString();

            assertThat(shown).isEqualTo("PermutationKey[redacted]");
            assertThat(shown.toLowerCase(Locale.ROOT))
                    .doesNotContain("fedcba98", "f0e1d2c3", Long.toString(key.high()), Long.toString(key.low()),
                            Long.toHexString(key.high()), Long.toHexString(key.low()));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {
            "000102030405060708090a0b0c0d0e0", "000102030405060708090a0b0c0d0e0f0", "000102030405060708090a0b0c0d0e0g",
            "0x0102030405060708090a0b0c0d0e0f", " 000102030405060708090a0b0c0d0e0f", "00010203-0405-0607-0809-0a0b0c0d",
            "+00102030405060708090a0b0c0d0e0f"
        })
        void refusesAnythingButThirtyTwoHexDigits(String text) {
            assertThatIllegalArgumentException().isThrownBy(() -> PermutationKey.parse(text))
                    .withMessageStartingWith("must be 32 hexadecimal digits");
        }

        @Test
        void aRefusedKeyIsNotEchoedBack() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> PermutationKey.parse("000102030405060708090a0b0c0d0e0"))
                    .withMessageNotContaining("0a0b0c0d");
        }
    }
}
