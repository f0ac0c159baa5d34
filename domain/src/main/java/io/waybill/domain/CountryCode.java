package io.waybill.domain;

import java.util.Locale;
import java.util.Set;

/** An assigned ISO 3166-1 alpha-2 country code, upper case. User-assigned codes such as {@code XX} are refused. */
public record CountryCode(String value) {

    private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        if (value == null || !ASSIGNED.contains(value)) {
            throw new IllegalArgumentException(
                    "must be an assigned ISO 3166-1 alpha-2 country code in upper case, such as MY; got "
                            + Text.quote(value));
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
