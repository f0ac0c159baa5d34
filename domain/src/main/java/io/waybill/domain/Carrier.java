package io.waybill.domain;

import java.util.regex.Pattern;

/**
 * A carrier's code, such as {@code DHL}: upper case, so that carriers compare case-insensitively. Up to 32 letters,
 * digits, dots, hyphens and underscores, starting with a letter or digit.
 */
public record Carrier(String code) {

    // Before WAYBILL: static fields are initialised in order, and WAYBILL's constructor uses it.
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,31}");

    /** The carrier of shipments whose number Waybill issued itself. */
    public static final Carrier WAYBILL = new Carrier("WAYBILL");

    public Carrier {
        if (code == null || !SHAPE.matcher(code).matches()) {
            throw new IllegalArgumentException("must be a carrier code of up to 32 letters, digits, '.', '-' or '_',"
                    + " such as DHL; got " + Text.quote(code));
        }
    }

    /** Like the constructor, but forgiving of case and surrounding white space: {@code " FedEx"} is {@code FEDEX}. */
    public static Carrier parse(String text) {
        return new Carrier(text == null ? null : Text.asciiUpperCase(text.strip()));
    }

    @Override
    public String toString() {
        return code;
    }
}
