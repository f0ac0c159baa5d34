package io.waybill.adapters.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one component of an {@code application/x-www-form-urlencoded} query: {@code +} is a space, {@code %XX} a
 * byte, and the bytes must be UTF-8. Unlike {@link java.net.URLDecoder} it refuses what it cannot decode, with a
 * message fit for the client: raw bytes that are not UTF-8 too, which Jetty hands over as U+FFFD.
 */
final class PercentDecoder {

    private PercentDecoder() {}

    static String decode(String raw) {
        // Characters in a raw request target are what Jetty decoded from its bytes as UTF-8, replacing bytes that are
        // none. A URI holds no raw U+FFFD otherwise, so one here was a byte that is not UTF-8.
        if (raw.indexOf('\uFFFD') >= 0) {
            throw new IllegalArgumentException("is not valid UTF-8: it holds bytes sent without percent-encoding that"
                    + " are not UTF-8");
        }
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        StringBuilder decoded = new StringBuilder(raw.length());
        byte[] bytes = new byte[raw.length() / 3];
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '%') {
                decoded.append(c == '+' ? ' ' : c);
                i++;
                continue;
            }
            int count = 0;
            boolean ascii = true;
            while (i < raw.length() && raw.charAt(i) == '%') {
                byte b = (byte) (hexDigit(raw, i + 1) << 4 | hexDigit(raw, i + 2));
                bytes[count++] = b;
                ascii &= b >= 0;
                i += 3;
            }
            if (ascii) { // such as %20 or %2B: each byte is its character, and no decoder is needed
                for (int k = 0; k < count; k++) {
                    decoded.append((char) bytes[k]);
                }
            } else {
                decoded.append(utf8(bytes, count));
            }
        }
        return decoded.toString();
    }

    /** Checks only that every {@code %} is followed by two hexadecimal digits, as in a path, where '+' is itself. */
    static void checkEscapes(String raw) {
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 3)) {
            hexDigit(raw, i + 1);
            hexDigit(raw, i + 2);
        }
    }

    private static int hexDigit(String raw, int index) {
        char c = index < raw.length() ? raw.charAt(index) : ' ';
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException(
                "is not correctly percent-encoded: every '%' must be followed by two hexadecimal digits");
    }

    private static CharSequence utf8(byte[] bytes, int count) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, count));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not valid UTF-8 once percent-decoded", e);
        }
    }
}
