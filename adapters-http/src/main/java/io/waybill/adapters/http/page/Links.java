package io.waybill.adapters.http.page;

import java.util.Optional;

/**
 * The page's addresses. Tracking numbers and carrier codes are letters, digits, dots, hyphens and underscores only,
 * and language tags letters and hyphens, so none needs percent-encoding.
 */
final class Links {

    static final String FORM = "/track";

    private Links() {}

    static String form(Language language) {
        return FORM + "?lang=" + language.tag();
    }

    static String shipment(String number, Optional<String> carrier, Language language) {
        return FORM + "/" + number + "?" + carrier.map(code -> "carrier=" + code + "&").orElse("") + "lang="
                + language.tag();
    }
}
