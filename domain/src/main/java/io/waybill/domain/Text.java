package io.waybill.domain;

/** Small helpers for messages about rejected input. */
final class Text {

    private static final int SHOWN = 40;

    private Text() {}

    /** Quotes a rejected value for an error message, shortened and with control characters made visible. */
    static String quote(String value) {
        if (value == null) {
            return "nothing";
        }
        StringBuilder shown = new StringBuilder("'");
        value.codePoints().limit(SHOWN).forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > SHOWN) {
            shown.append("...");
        }
        return shown.append('\'').toString();
    }

    static boolean hasControlCharacter(String value) {
        return value.codePoints().anyMatch(Character::isISOControl);
    }
}
