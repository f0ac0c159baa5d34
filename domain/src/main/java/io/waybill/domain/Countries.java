package io.waybill.domain;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Country names as people write them, to ISO codes: every assigned alpha-2 and alpha-3 code, each country's English
 * name and its names in the languages the Java runtime knows for it (so {@code Deutschland}, {@code España},
 * {@code 臺灣}), and common short forms ({@code USA}, {@code UK}, {@code Holland}). Case, accents, punctuation and
 * extra spaces are ignored.
 */
public final class Countries {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("usa", "US"), Map.entry("us", "US"), Map.entry("united states of america", "US"),
            Map.entry("america", "US"), Map.entry("uk", "GB"), Map.entry("great britain", "GB"),
            Map.entry("britain", "GB"), Map.entry("england", "GB"), Map.entry("scotland", "GB"),
            Map.entry("wales", "GB"), Map.entry("northern ireland", "GB"), Map.entry("holland", "NL"),
            Map.entry("the netherlands", "NL"), Map.entry("czech republic", "CZ"), Map.entry("korea", "KR"),
            Map.entry("republic of korea", "KR"), Map.entry("russian federation", "RU"), Map.entry("viet nam", "VN"),
            Map.entry("taiwan roc", "TW"), Map.entry("republic of china", "TW"), Map.entry("台湾", "TW"),
            Map.entry("中華民國", "TW"), Map.entry("臺灣", "TW"), Map.entry("uae", "AE"), Map.entry("turkey", "TR"),
            Map.entry("ivory coast", "CI"), Map.entry("swaziland", "SZ"), Map.entry("burma", "MM"));

    // Compiled once, and before BY_NAME, which uses them: an import looks up two countries per shipment, and
    // compiling these for each took most of the time.
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DROPPED = Pattern.compile("[.'’‘]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\p{P}\\s]+");

    // The codes, English names and short forms, which nearly every file uses. The names in other languages take the
    // runtime most of a second to gather (a resource bundle per locale), so they wait until a name is not found here.
    private static final Map<String, String> BY_NAME = names();

    private Countries() {}

    /** The country {@code name} names, if it names one. */
    public static Optional<CountryCode> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normalised = normalise(name);
        String code = BY_NAME.get(normalised);
        return Optional.ofNullable(code != null ? code : InOtherLanguages.BY_NAME.get(normalised)).map(CountryCode::new);
    }

    /** The countries' names in the languages of the runtime's locales; built on first use, by the JVM's class lock. */
    private static final class InOtherLanguages {

        static final Map<String, String> BY_NAME = names();

        private static Map<String, String> names() {
            Map<String, String> names = new HashMap<>();
            for (Locale locale : Locale.getAvailableLocales()) {
                if (!locale.getCountry().isEmpty() && locale.getCountry().length() == 2) {
                    names.putIfAbsent(normalise(locale.getDisplayCountry(locale)), locale.getCountry());
                }
            }
            names.remove("");
            return Map.copyOf(names);
        }
    }

    /** ASCII letters only, in words separated by single spaces: nothing for {@link #normalise} to remove. */
    private static boolean isPlainWords(String name) {
        int length = name.length();
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == length - 1 || name.charAt(i - 1) == ' ') {
                    return false;
                }
            } else if ((c < 'a' || c > 'z') && (c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return length > 0;
    }

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            names.put(normalise(code), code);
            try {
                names.put(normalise(country.getISO3Country()), code);
            } catch (java.util.MissingResourceException noAlpha3) {
                // the runtime knows no alpha-3 code for it; its name and alpha-2 code still count
            }
            names.put(normalise(country.getDisplayCountry(Locale.ENGLISH)), code);
        }
        ALIASES.forEach((alias, code) -> names.put(normalise(alias), code));
        names.remove("");
        return Map.copyOf(names);
    }

    private static String normalise(String name) {
        if (isPlainWords(name)) {
            return name.toLowerCase(Locale.ROOT); // what the rest would make of it, at a fraction of the cost
        }
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        // U.S.A. is USA, and Côte d’Ivoire the same with any apostrophe; other punctuation separates words.
        return SEPARATORS.matcher(DROPPED.matcher(plain).replaceAll("")).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
    }
}
