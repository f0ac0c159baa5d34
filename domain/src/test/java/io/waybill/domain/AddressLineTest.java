package io.waybill.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Street 10, 75001 Paris, France                   | Street 10          | 75001    | Paris       | FR
            Street 20, 1000 Brussels, Belgium                | Street 20          | 1000     | Brussels    | BE
            Street 1, 10115 Berlin, Germany                  | Street 1           | 10115    | Berlin      | DE
            Calle Mayor 5, 28013 Madrid, España              | Calle Mayor 5      | 28013    | Madrid      | ES
            Damrak 1, 1012 LG Amsterdam, Netherlands         | Damrak 1           | 1012 LG  | Amsterdam   | NL
            10 Downing Street, London SW1A 2AA, UK           | 10 Downing Street  | SW1A 2AA | London      | GB
            ul. Marszałkowska 1, 00-950 Warszawa, Poland     | ul. Marszałkowska 1| 00-950   | Warszawa    | PL
            Drottninggatan 1, 111 51 Stockholm, Sweden       | Drottninggatan 1   | 111 51   | Stockholm   | SE
            Rua Augusta 1, 1100-048 Lisboa, Portugal         | Rua Augusta 1      | 1100-048 | Lisboa      | PT
            123 Main St, Springfield, IL 62704, USA          | 123 Main St        | IL 62704 | Springfield | US
            市府路1號, 110 台北市, 臺灣                          | 市府路1號            | 110      | 台北市       | -
            Flat 2, 5 High St, Leeds LS1 4HR, united kingdom | Flat 2, 5 High St  | LS1 4HR  | Leeds       | GB
            Paris, France                                    | -                  | -        | Paris       | FR
            """)
    void splitsStreetZipCityAndCountry(String line, String street, String zip, String city, String country) {
        Address address = AddressLine.parse(line);

        assertThat(address.street()).isEqualTo(Optional.ofNullable(street));
        assertThat(address.zip()).isEqualTo(Optional.ofNullable(zip));
        assertThat(address.city()).isEqualTo(Optional.ofNullable(city));
        if (country != null) {
            assertThat(address.country()).contains(CountryCode.of(country));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Somewhere without commas", "Street 10, 75001 Paris, Atlantis",
            "Street 10, Paris, France, and more words", "Street 10, nowhere, France"})
    void keepsALineItCannotSplitWhole(String line) {
        assertThat(AddressLine.parse(line)).isEqualTo(
                new Address(Optional.of(line), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Street\u0000 1, 10115 Berlin, Germany"})
    void refusesBlankLinesAndControlCharacters(String line) {
        assertThatThrownBy(() -> AddressLine.parse(line)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"Germany,DE", "deutschland,DE", "DEU,DE", "de,DE", "U.S.A.,US", "Côte d’Ivoire,CI", "台灣,TW",
            "Taiwan,TW", "Holland,NL", "  united   states ,US", "United Kingdom,GB", "NEW ZEALAND,NZ",
            "Bosnia & Herzegovina,BA"})
    void knowsCountriesByNameCodeAndShortForm(String name, String code) {
        assertThat(Countries.byName(name)).contains(CountryCode.of(code));
    }
}
