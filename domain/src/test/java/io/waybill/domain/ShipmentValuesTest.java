package io.waybill.domain;

import io.waybill.domain.trackingnumber.TrackingNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShipmentValuesTest {

    private static final String WAYBILL_NUMBER = "MY0A1B2C3D4ES";

    @Nested
    class Carriers {

        @Test
        void waybillsOwnCarrierAndOthersCanBeMade() {
            // WAYBILL is made while the class initialises, so the pattern it is checked against must exist before.
            assertThat(Carrier.WAYBILL.code()).isEqualTo("WAYBILL");
            assertThat(new Carrier("DHL")).hasToString("DHL");
        }

        @ParameterizedTest
        @CsvSource({"DHL, DHL", "' FedEx ', FEDEX", "ups, UPS", "la-poste_2, LA-POSTE_2", "j.t, J.T"})
        void parsesCodesForgivingCaseAndSpace(String text, String code) {
            assertThat(Carrier.parse(text)).isEqualTo(new Carrier(code)).hasToString(code);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {
            "dhl", " DHL", "-DHL", ".DHL", "DH L", "DHLÄ", "D/HL", "A23456789012345678901234567890123"
        })
        void refusesAnythingElse(String code) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Carrier(code))
                    .withMessageStartingWith("must be a carrier code of up to 32 letters, digits, '.', '-' or '_'");
        }

        @Test
        void parsingDoesNotTurnOtherLettersIntoAscii() {
            assertThatIllegalArgumentException().isThrownBy(() -> Carrier.parse("dhı"))
                    .withMessageEndingWith("got 'DHı'");
            assertThat(new Carrier("A2345678901234567890123456789012").code()).hasSize(32);
        }
    }

    @Nested
    class TrackingCodes {

        @ParameterizedTest
        @CsvSource({"TN12345678, TN12345678", "' tn12345678 ', TN12345678", "1z999aa10123456784, 1Z999AA10123456784"})
        void parsesForgivingCaseAndSpace(String text, String value) {
            assertThat(CarrierTrackingNumber.parse(text)).isEqualTo(new CarrierTrackingNumber(value)).hasToString(value);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {
            "ABC", "TN-12345678", "TN 12345678", "tn12345678", "TN1234567É", "A234567890123456789012345678901234567890X"
        })
        void refusesAnythingElse(String value) {
            assertThatIllegalArgumentException().isThrownBy(() -> new CarrierTrackingNumber(value))
                    .withMessageStartingWith("must be a tracking number of 4 to 40 letters and digits");
        }

        @Test
        void knowsWaybillsOwnNumbers() {
            assertThat(new CarrierTrackingNumber(WAYBILL_NUMBER).asWaybillNumber()).contains(new TrackingNumber(WAYBILL_NUMBER));
            assertThat(new CarrierTrackingNumber("MY0A1B2C3D4EA").asWaybillNumber()).as("wrong check character").isEmpty();
            assertThat(new CarrierTrackingNumber("TN12345678").asWaybillNumber()).isEmpty();
            assertThat(CarrierTrackingNumber.of(new TrackingNumber(WAYBILL_NUMBER)).value()).isEqualTo(WAYBILL_NUMBER);
        }
    }

    @Nested
    class ShipmentKeys {

        @Test
        void waybillsCarrierNeedsAValidWaybillNumber() {
            assertThat(ShipmentKey.of(new TrackingNumber(WAYBILL_NUMBER)))
                    .isEqualTo(new ShipmentKey(new CarrierTrackingNumber(WAYBILL_NUMBER), Carrier.WAYBILL))
                    .hasToString(WAYBILL_NUMBER + "/WAYBILL");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ShipmentKey(new CarrierTrackingNumber("TN12345678"), Carrier.WAYBILL))
                    .withMessageStartingWith("must be 13 characters");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new ShipmentKey(new CarrierTrackingNumber("MY0A1B2C3D4EA"), Carrier.WAYBILL))
                    .withMessageStartingWith("has a wrong check character");
        }

        @Test
        void otherCarriersMayUseAnyNumberEvenOneShapedLikeWaybills() {
            assertThat(new ShipmentKey(new CarrierTrackingNumber("MY0A1B2C3D4EA"), new Carrier("DHL")).carrier())
                    .isEqualTo(new Carrier("DHL"));
            assertThatNullPointerException().isThrownBy(() -> new ShipmentKey(null, Carrier.WAYBILL));
        }
    }

    @Nested
    class Addresses {

        @Test
        void showsItsPartsOnOneLine() {
            assertThat(Address.of("Street 10", "75001", "Paris", CountryCode.of("FR")).oneLine())
                    .isEqualTo("Street 10, 75001 Paris, FR");
            assertThat(Address.of("台北市信義區市府路1號", null, null, null).oneLine()).isEqualTo("台北市信義區市府路1號");
            assertThat(Address.of(null, null, "Paris", CountryCode.of("FR")).oneLine()).isEqualTo("Paris, FR");
            assertThat(Address.NONE.oneLine()).isEmpty();
        }

        @Test
        void namesThePartThatIsWrong() {
            assertThatIllegalArgumentException().isThrownBy(() -> Address.of(" ", null, null, null))
                    .withMessage("street must not be blank");
            assertThatIllegalArgumentException().isThrownBy(() -> Address.of("a".repeat(301), null, null, null))
                    .withMessage("street must be at most 300 characters long");
            assertThatIllegalArgumentException().isThrownBy(() -> Address.of(null, "1".repeat(21), null, null))
                    .withMessage("zip must be at most 20 characters long");
            assertThatIllegalArgumentException().isThrownBy(() -> Address.of(null, null, "Par\nis", null))
                    .withMessage("city must not contain control characters; got 'Par\\u000ais'");
            assertThat(Address.of("a".repeat(300), "1".repeat(20), "c".repeat(100), null).street()).isPresent();
        }
    }

    @Nested
    class Parties {

        @Test
        void refusesBadNamesAndIds() {
            assertThatIllegalArgumentException().isThrownBy(() -> party(Optional.empty(), ""))
                    .withMessage("name must not be blank");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Party(Optional.of("R-18"), Optional.empty(), Address.NONE, Optional.empty()))
                    .withMessage("a party needs a name, an address or a phone");
            assertThat(Party.at(Address.of(null, null, "Paris", null)).name()).isEmpty();
            assertThatIllegalArgumentException().isThrownBy(() -> party(Optional.empty(), "賴".repeat(201)))
                    .withMessage("name must be at most 200 characters long");
            assertThatIllegalArgumentException().isThrownBy(() -> party(Optional.empty(), "Ann\tLee"))
                    .withMessage("name must not contain control characters; got 'Ann\\u0009Lee'");
            assertThatIllegalArgumentException().isThrownBy(() -> party(Optional.of("r".repeat(65)), "Ann"))
                    .withMessage("id must be at most 64 characters long");
            assertThat(party(Optional.of("R-18"), "賴".repeat(200)).id()).contains("R-18");
        }

            @ParameterizedTest
        @ValueSource(strings = {"Ann\u2028Lee", "Ann\u2029Lee"})
        void refusesLineAndParagraphSeparators(String name) {
            assertThatIllegalArgumentException().isThrownBy(() -> party(Optional.empty(), name));
        }

        private Party party(Optional<String> id, String name) {
            return new Party(id, Optional.of(name), Address.NONE, Optional.of(new Phone("091234567")));
        }
    }

    @Nested
    class Phones {

        @ParameterizedTest
        @ValueSource(strings = {"091234567", "+886 912 345 678", "(02) 2345-6789", "02.2345.6789", "123"})
        void acceptsNumbersAsWritten(String phone) {
            assertThat(new Phone(phone)).hasToString(phone);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"12", "+ 1 2", "0912x345678", "++886912345678", "0912345678 ext 9", "０９１２３４５６７",
            "1234567890123456789012345678901234", "0912\n345678"})
        void refusesWhatIsNotAPhoneNumber(String phone) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Phone(phone))
                    .withMessageStartingWith("must be a phone number of at least 3 digits, such as +886 912 345 678");
        }
    }

    @Nested
    class Articles {

        @Test
        void keepsOneRepresentationPerPrice() {
            assertThat(article(1, "800.00").price()).contains(new BigDecimal("800"));
            assertThat(article(1, "1E+3").price()).hasValueSatisfying(price -> assertThat(price.scale()).isZero());
            assertThat(article(1, "0.50").price()).contains(new BigDecimal("0.5"));
            assertThat(article(1_000_000, "999999999999.9999").quantity()).isEqualTo(1_000_000);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 1_000_001})
        void refusesQuantitiesOutOfRange(int quantity) {
            assertThatIllegalArgumentException().isThrownBy(() -> article(quantity, "1"))
                    .withMessage("quantity must be from 1 to 1000000; got " + quantity);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0.01", "0.00001", "1000000000000"})
        void refusesPricesOutOfRange(String price) {
            assertThatIllegalArgumentException().isThrownBy(() -> article(1, price))
                    .withMessage("price must be from 0 to 999999999999.9999; got " + price);
        }

        @Test
        void refusesBadNamesAndSkus() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Article(" ", 1, Optional.empty(), Optional.empty()))
                    .withMessage("name must not be blank");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Article("Laptop", 1, Optional.empty(), Optional.of("LP\u0000")))
                    .withMessage("SKU must not contain control characters; got 'LP\\u0000'");
        }

        private Article article(int quantity, String price) {
            return new Article("Laptop", quantity, Optional.of(new BigDecimal(price)), Optional.of("LP123"));
        }
    }

    @Nested
    class Locations {

        @Test
        void aCentreShowsItsTitleAndAPlaceItsCityOrWhatItHas() {
            Location.Centre centre = Histories.centre("7", "Tainan Depot");
            assertThat(centre.title()).isEqualTo("Tainan Depot");
            assertThat(centre.city()).contains("Tainan Depot");
            assertThat(new Location.Place(Address.of(null, "75001", "Paris", null)).title()).isEqualTo("Paris");
            assertThat(new Location.Place(Address.of(null, "75001", null, null)).title()).isEqualTo("75001");
            assertThat(new Location.Place(Address.of(null, null, null, CountryCode.of("FR"))).title())
                    .isEqualTo("FR");
        }

        @Test
        void refusesEmptyOnes() {
            assertThatIllegalArgumentException().isThrownBy(() -> new Location.Place(Address.NONE))
                    .withMessage("a place needs at least a city, a zip code or a country");
            assertThatIllegalArgumentException().isThrownBy(() -> new Location.Centre(" ", "Hub", Address.NONE))
                    .withMessage("a centre's id and title must not be blank");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Location.Centre("7", "h".repeat(201), Address.NONE))
                    .withMessage("a centre's id and title must be at most 200 characters long");
        }
    }

    @Nested
    class EventIds {

        @ParameterizedTest
        @ValueSource(strings = {"ev-1", "a", "2024-03-04T08:00:00Z", "DHL.evt_42"})
        void acceptsClientsIds(String id) {
            assertThat(new EventId(id)).hasToString(id);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"ev 1", "ev/1", "évènement", "ev-1\n"})
        void refusesOthers(String id) {
            assertThatIllegalArgumentException().isThrownBy(() -> new EventId(id))
                    .withMessageStartingWith("must be 1 to 100 letters, digits, '.', '_', ':' or '-'");
            assertThatIllegalArgumentException().isThrownBy(() -> new EventId("e".repeat(101)));
        }

        @Test
        void madeIdsAreVersion4UuidsFromTheGivenGenerator() {
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 100; i++) {
                EventId id = EventId.random(random);
                UUID uuid = UUID.fromString(id.value().substring(3));
                assertThat(id.value()).startsWith("ev-").hasSize(39);
                assertThat(uuid.version()).isEqualTo(4);
                assertThat(uuid.variant()).isEqualTo(2);
            }
            assertThat(EventId.random(new SplittableRandom(1))).isEqualTo(EventId.random(new SplittableRandom(1)));
        }
    }

    @Nested
    class TrackingEvents {

        private final OffsetDateTime time = OffsetDateTime.parse("2024-03-04T08:00+08:00");

        @Test
        void refusesTimesOutsideTheYears1970To9999() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Histories.event("e", "1969-12-31T23:59Z", ShipmentStatus.CREATED))
                    .withMessage("an event's time must be between the years 1970 and 9999; got 1969-12-31T23:59Z");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Histories.event("e", "+10000-01-01T00:00Z", ShipmentStatus.CREATED));
        }

        @Test
        void refusesBadWordingAndDescriptions() {
            assertThatIllegalArgumentException().isThrownBy(() -> event("", Optional.empty()))
                    .withMessage("the carrier's status must not be blank");
            assertThatIllegalArgumentException().isThrownBy(() -> event("s".repeat(101), Optional.empty()))
                    .withMessage("the carrier's status must be at most 100 characters long");
            assertThatIllegalArgumentException().isThrownBy(() -> event("Delivered", Optional.of("d".repeat(1001))))
                    .withMessage("description must be at most 1000 characters long");
            assertThatIllegalArgumentException().isThrownBy(() -> event("Delivered", Optional.of("left\rat door")))
                    .withMessage("description must not contain control characters; got 'left\\u000dat door'");
            assertThat(event("Zugestellt", Optional.of("d".repeat(1000))).carrierStatus()).isEqualTo("Zugestellt");
        }

        private TrackingEvent event(String wording, Optional<String> description) {
            return new TrackingEvent(new EventId("e"), time, ShipmentStatus.DELIVERED, wording, Optional.empty(),
                    description);
        }
    }

    @Nested
    class Details {

        private final Party taipei = new Party(Optional.empty(), Optional.of("賴小賴"),
                Address.of("市府路1號", null, "台北市", CountryCode.of("TW")), Optional.empty());
        private final Party tokyo = new Party(Optional.empty(), Optional.of("Sato"),
                Address.of(null, null, "Tokyo", CountryCode.of("JP")), Optional.empty());

        @Test
        void originAndDestinationDefaultToThePartiesCountries() {
            ShipmentDetails details = details(Optional.empty(), Optional.empty());

            assertThat(details.origin()).contains(CountryCode.of("TW"));
            assertThat(details.destination()).contains(CountryCode.of("JP"));
            assertThat(details.isDomestic()).isFalse();
        }

        @Test
        void givenOnesWin() {
            ShipmentDetails details = details(Optional.of(CountryCode.of("JP")), Optional.of(CountryCode.of("JP")));

            assertThat(details.origin()).contains(CountryCode.of("JP"));
            assertThat(details.isDomestic()).isTrue();
        }

        @Test
        void unknownCountriesAreNotDomestic() {
            ShipmentDetails none = Histories.details(null, null);

            assertThat(none.origin()).isEmpty();
            assertThat(none.isDomestic()).isFalse();
        }

        @Test
        void holdsAtMost1000Articles() {
            Article article = new Article("Pen", 1, Optional.empty(), Optional.empty());
            List<Article> tooMany = Collections.nCopies(1001, article);

            assertThatIllegalArgumentException().isThrownBy(() -> new ShipmentDetails(Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.empty(), tooMany, true))
                    .withMessage("a shipment holds at most 1000 articles");
        }

        private ShipmentDetails details(Optional<CountryCode> origin, Optional<CountryCode> destination) {
            return new ShipmentDetails(origin, destination, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(taipei), Optional.of(tokyo), List.of(), true);
        }
    }

    @Nested
    class Summaries {

        @Test
        void summariseAShipment() {
            Shipment shipment = Histories.empty().record(
                    Histories.chain(ShipmentStatus.RECEIVED, ShipmentStatus.IN_TRANSIT)).shipment();

            ShipmentSummary summary = ShipmentSummary.of(shipment);

            assertThat(summary.key()).isEqualTo(Histories.KEY);
            assertThat(summary.status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
            assertThat(summary.origin()).contains(CountryCode.of("TW"));
            assertThat(summary.destination()).contains(CountryCode.of("TW"));
            assertThat(summary.customer()).isEmpty();
            assertThat(summary.createdAt()).isEqualTo(Histories.REGISTERED);
            assertThat(summary.estimatedDelivery()).isEqualTo(shipment.estimatedDelivery()).isPresent();
        }
    }
}
