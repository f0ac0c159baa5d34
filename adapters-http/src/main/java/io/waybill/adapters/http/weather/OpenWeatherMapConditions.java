package io.waybill.adapters.http.weather;

import io.waybill.domain.weather.WeatherCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OpenWeatherMap's condition ids (https://openweathermap.org/weather-conditions) as the WMO codes Waybill speaks.
 *
 * <p>The two do not match one to one; where OpenWeatherMap says more or less than WMO, the nearest code that keeps the
 * delivery risk right wins: none of its thunderstorms reports hail (so 95, never 96 or 99); sleet and rain with snow
 * are freezing rain's risk (66); dust, sand and ash hinder like fog (45); squalls are violent showers (82); a tornado
 * is the worst storm there is (99).
 */
final class OpenWeatherMapConditions {

    private static final Map<Integer, Integer> WMO_BY_ID = new HashMap<>();

    static {
        map(95, 200, 201, 202, 210, 211, 212, 221, 230, 231, 232); // thunderstorms, with rain or drizzle or neither
        map(51, 300); // light drizzle
        map(53, 301, 310, 311, 313, 321); // drizzle; light or plain drizzle rain, shower drizzle
        map(55, 302, 312, 314); // heavy drizzle; heavy drizzle rain and showers
        map(61, 500); // light rain
        map(63, 501); // moderate rain
        map(65, 502, 503, 504); // heavy, very heavy, extreme rain
        map(66, 511); // freezing rain
        map(80, 520); // light shower rain
        map(81, 521); // shower rain
        map(82, 522, 531); // heavy and ragged shower rain
        map(71, 600); // light snow
        map(73, 601); // snow
        map(75, 602); // heavy snow
        map(66, 611, 612, 613, 615, 616); // sleet, shower sleet, rain and snow
        map(85, 620); // light shower snow
        map(86, 621, 622); // shower snow, heavy shower snow
        map(45, 701, 711, 721, 741); // mist, smoke, haze, fog
        map(45, 731, 751, 761, 762); // dust whirls, sand, dust, volcanic ash
        map(82, 771); // squalls
        map(99, 781); // tornado
        map(0, 800); // clear sky
        map(1, 801); // few clouds
        map(2, 802); // scattered clouds
        map(3, 803, 804); // broken and overcast clouds
    }

    private OpenWeatherMapConditions() {}

    /** The WMO code of an OpenWeatherMap condition, or empty for an id it does not document. */
    static Optional<WeatherCode> wmo(long id) {
        return Optional.ofNullable(WMO_BY_ID.get((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, id))))
                .map(WeatherCode::of);
    }

    private static void map(int wmo, int... ids) {
        for (int id : ids) {
            WMO_BY_ID.put(id, wmo);
        }
    }
}
