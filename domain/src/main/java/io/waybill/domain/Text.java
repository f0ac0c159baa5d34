package io.waybill.domain;

import java.math.BigDecimal;

/**
 * Small helpers for messages about rejected input. {@link #quote} and {@link #number} are the one place where input
 * is shown in a message, so that no message grows with what a client sent.
 */
public final class Text {

    private static final int SHOWN = 40;

    private Text() {}

    /** Quotes a rejected value for an error message, shortened and with control characters made visible. */
    public static String quote(String value) {
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

    /**
     * Shows a rejected number for an error message: as written out when short, else in scientific notation, and at
     * most {@value #SHOWN} characters either way. Never expands a huge exponent such as {@code 1e999999999}.
     */
    public static String number(BigDecimal value) {
        boolean plain = value.precision() <= SHOWN && value.scale() <= SHOWN && value.scale() >= -SHOWN;
        String shown = plain ? value.toPlainString() : value.toString();
        return shown.length() > SHOWN ? shown.substring(0, SHOWN) + "..." : shown;
    }

    /**
     * Checks one line of free text: not blank, at most {@code maxLength} characters (code points), no control
     * characters. Returns it unchanged.
     */
    static String line(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new IllegalArgumentException("must be at most " + maxLength + " characters long");
        }
        if (hasControlCharacter(value)) {
            throw new IllegalArgumentException("must not contain control characters; got " + quote(value));
        }
        return value;
    }

    /** Upper-cases ASCII letters only, so that no other character turns into an ASCII one. */
    static String asciiUpperCase(String value) {
        StringBuilder upper = new StringBuilder(value.length());
        value.chars().forEach(c -> upper.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : (char) c));
        return upper.toString();
    }

    /** Control characters, and the line and paragraph separators U+2028 and U+2029, which also break a line. */
    static boolean hasControlCharacter(String value) {
        // A loop over chars: every such character is in the Basic Multilingual Plane, and this runs for every text
        // of every shipment read from a cache.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
