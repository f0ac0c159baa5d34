package io.waybill.adapters.http.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null      | null                               | en",
        "null      | ''                                 | en",
        "null      | de-DE,de;q=0.9,en;q=0.8            | de",
        "null      | zh-TW,zh;q=0.9                     | zh-Hant",
        "null      | zh-CN                              | zh-Hant",
        "null      | fr-CH, fr;q=0.9, de;q=0.8, en;q=0.7 | de",
        "null      | en;q=0.5, de;q=0.9                 | de",
        "null      | de;q=0, en                         | en",
        "null      | *                                  | en",
        "null      | fr, ja                             | en",
        "null      | de;q=2                             | en",
        "null      | ;;;,,,                             | en",
        "de        | zh-TW                              | de",
        "ZH-tw     | de                                 | zh-Hant",
        "zh_Hant   | de                                 | zh-Hant",
        "fr        | de                                 | de",
        "''        | null                               | en",
    })
    void picksTheQuerysLanguageThenTheHeadersByWeightThenEnglish(String lang, String acceptLanguage, String tag) {
        assertThat(Language.negotiate(Optional.ofNullable(lang), acceptLanguage).tag()).isEqualTo(tag);
    }

    @ParameterizedTest
    @CsvSource({"en, ENGLISH", "de, GERMAN", "zh-Hant, TRADITIONAL_CHINESE", "zh-HK, TRADITIONAL_CHINESE",
        "zh, TRADITIONAL_CHINESE"})
    void namesEachLanguageByItsTags(String tag, Language language) {
        assertThat(Language.ofTag(tag)).hasValue(language);
        assertThat(Language.ofTag(language.tag())).hasValue(language);
    }

    @ParameterizedTest
    @CsvSource({"de-AT", "en-GB", "fr", "zh-Hans", "''"})
    void aTagItDoesNotHaveIsNone(String tag) {
        assertThat(Language.ofTag(tag)).isEmpty();
    }
}
