package io.waybill.adapters.http.page;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the tracking page: English, Traditional Chinese (the language of the logistics system's users) and
 * German. A page's language is the one its query's {@code lang} names, else the first of the request's
 * {@code Accept-Language} that the page has, by weight, else English.
 */
public enum Language {
    ENGLISH("en", Locale.ENGLISH, "English"),
    TRADITIONAL_CHINESE("zh-Hant", Locale.forLanguageTag("zh-Hant-TW"), "中文（繁體）"),
    GERMAN("de", Locale.GERMAN, "Deutsch");

    // A longer field is no browser's: it is not read, so that no client makes the parser work for nothing.
    private static final int MAX_ACCEPT_LANGUAGE = 1_000;

    private final String tag;
    private final Locale locale;
    private final String name;

    Language(String tag, Locale locale, String name) {
        this.tag = tag;
        this.locale = locale;
        this.name = name;
    }

    /** The BCP 47 tag, for {@code <html lang>}, {@code Content-Language} and {@code ?lang=}. */
    public String tag() {
        return tag;
    }

    /** The locale whose conventions the page's dates and numbers follow. */
    Locale locale() {
        return locale;
    }

    /** The language's name in itself, for the links that switch to it. */
    String nativeName() {
        return name;
    }

    /**
     * The language a tag names, ignoring case: {@code en}, {@code de}, and for Traditional Chinese {@code zh-Hant},
     * {@code zh-TW}, {@code zh-HK}, {@code zh-MO} or {@code zh}; empty for any other.
     */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return switch (tag.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "en" -> Optional.of(ENGLISH);
            case "de" -> Optional.of(GERMAN);
            case "zh", "zh-hant", "zh-tw", "zh-hk", "zh-mo", "zh-hant-tw", "zh-hant-hk", "zh-hant-mo" ->
                    Optional.of(TRADITIONAL_CHINESE);
            default -> Optional.empty();
        };
    }

    /**
     * The page's language: {@code chosen} (a {@code lang} parameter) when it names one, otherwise the first range of
     * {@code acceptLanguage} with a weight above zero whose primary language the page has (Chinese in any script or
     * region gets Traditional Chinese, the only Chinese it has), otherwise English. A malformed header counts as none.
     */
    public static Language negotiate(Optional<String> chosen, String acceptLanguage) {
        Optional<Language> named = chosen.flatMap(Language::ofTag);
        if (named.isPresent()) {
            return named.get();
        }
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_ACCEPT_LANGUAGE) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage); // sorted by weight, the heaviest first
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() > 0) {
                String primary = range.getRange().split("-", 2)[0];
                Optional<Language> language = switch (primary) {
                    case "en" -> Optional.of(ENGLISH);
                    case "de" -> Optional.of(GERMAN);
                    case "zh" -> Optional.of(TRADITIONAL_CHINESE);
                    default -> Optional.empty();
                };
                if (language.isPresent()) {
                    return language.get();
                }
            }
        }
        return ENGLISH;
    }
}
