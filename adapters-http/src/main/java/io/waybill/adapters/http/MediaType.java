package io.waybill.adapters.http;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a request's {@code Content-Type} names a media type in UTF-8: no charset parameter, or utf-8. */
final class MediaType {

    private static final Pattern NO_OTHER_CHARSET = Pattern.compile("(?!charset=).*|charset=\"?utf-8\"?");

    private MediaType() {}

    /** @param type the media type without parameters, in lower case, such as {@code text/csv} */
    static boolean isUtf8(String contentType, Pattern type) {
        String[] parts = contentType == null ? new String[] {""} : contentType.toLowerCase(Locale.ROOT).split(";", -1);
        boolean matches = type.matcher(parts[0].strip()).matches();
        for (int i = 1; i < parts.length && matches; i++) {
            matches = NO_OTHER_CHARSET.matcher(parts[i].strip()).matches();
        }
        return matches;
    }
}
