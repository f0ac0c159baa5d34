package io.waybill.adapters.http.weather;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.domain.weather.WeatherCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenWeatherMapConditionsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "200, 95", "211, 95", "232, 95",
        "300, 51", "301, 53", "302, 55", "310, 53", "311, 53", "312, 55", "313, 53", "314, 55", "321, 53",
        "500, 61", "501, 63", "502, 65", "503, 65", "504, 65", "511, 66",
        "520, 80", "521, 81", "522, 82", "531, 82",
        "600, 71", "601, 73", "602, 75", "611, 66", "612, 66", "613, 66", "615, 66", "616, 66",
        "620, 85", "621, 86", "622, 86",
        "701, 45", "711, 45", "721, 45", "731, 45", "741, 45", "751, 45", "761, 45", "762, 45",
        "771, 82", "781, 99",
        "800, 0", "801, 1", "802, 2", "803, 3", "804, 3"
    })
    void everyDocumentedConditionHasItsWmoCode(int id, int wmo) {
        assertThat(OpenWeatherMapConditions.wmo(id)).contains(WeatherCode.of(wmo));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 199, 233, 303, 505, 623, 700, 782, 805, 900, -1, 1L << 40})
    void anUndocumentedIdHasNone(long id) {
        assertThat(OpenWeatherMapConditions.wmo(id)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 202, 511, 531, 602, 611, 616, 622, 771, 781})
    void stormsHeavySnowSleetAndSqualsPutDeliveriesAtRisk(int id) {
        assertThat(OpenWeatherMapConditions.wmo(id).orElseThrow().severe()).isTrue();
    }
}
