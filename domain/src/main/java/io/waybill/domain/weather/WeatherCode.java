package io.waybill.domain.weather;

import java.util.Map;

/**
 * A WMO weather interpretation code (WMO 4677, the subset Open-Meteo reports), with its condition in a few English
 * words and whether it puts a delivery at risk.
 */
public record WeatherCode(int value) {

    // The conditions as Open-Meteo documents them. Severe: thunderstorms (95, 96, 99), heavy snow (75, 86), freezing
    // rain (66, 67) and violent showers (82): weather is the commonest cause of delay carriers report, and these are
    // the codes under which parcels stop moving.
    private static final Map<Integer, String> CONDITIONS = Map.ofEntries(
            Map.entry(0, "clear sky"),
            Map.entry(1, "mainly clear"),
            Map.entry(2, "partly cloudy"),
            Map.entry(3, "overcast"),
            Map.entry(45, "fog"),
            Map.entry(48, "depositing rime fog"),
            Map.entry(51, "light drizzle"),
            Map.entry(53, "moderate drizzle"),
            Map.entry(55, "dense drizzle"),
            Map.entry(56, "light freezing drizzle"),
            Map.entry(57, "dense freezing drizzle"),
            Map.entry(61, "slight rain"),
            Map.entry(63, "moderate rain"),
            Map.entry(65, "heavy rain"),
            Map.entry(66, "light freezing rain"),
            Map.entry(67, "heavy freezing rain"),
            Map.entry(71, "slight snow fall"),
            Map.entry(73, "moderate snow fall"),
            Map.entry(75, "heavy snow fall"),
            Map.entry(77, "snow grains"),
            Map.entry(80, "slight rain showers"),
            Map.entry(81, "moderate rain showers"),
            Map.entry(82, "violent rain showers"),
            Map.entry(85, "slight snow showers"),
            Map.entry(86, "heavy snow showers"),
            Map.entry(95, "thunderstorm"),
            Map.entry(96, "thunderstorm with slight hail"),
            Map.entry(99, "thunderstorm with heavy hail"));

    public WeatherCode {
        if (!CONDITIONS.containsKey(value)) {
            throw new IllegalArgumentException("not a WMO weather code Waybill knows: " + value);
        }
    }

    public static WeatherCode of(int value) {
        return new WeatherCode(value);
    }

    /** The condition in a few English words, such as {@code overcast} or {@code slight rain}. */
    public String condition() {
        return CONDITIONS.get(value);
    }

    /** Whether this weather commonly delays deliveries: a thunderstorm, heavy snow, freezing rain, violent showers. */
    public boolean severe() {
        return switch (value) {
            case 66, 67, 75, 82, 86, 95, 96, 99 -> true;
            default -> false;
        };
    }
}
