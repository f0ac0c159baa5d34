package io.waybill.adapters.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals, parsed without ever asking DNS: what a client writes in a header must not cause a lookup. */
final class IpAddresses {

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpAddresses() {}

    /** {@code text} as an address when it is an IPv4 or IPv6 literal (brackets allowed around IPv6), else empty. */
    static Optional<InetAddress> parse(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        byte[] v4 = ipv4(literal);
        if (v4 == null && !(literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches())) {
            return Optional.empty();
        }
        try {
            // From bytes, or in brackets, where Java takes an IPv6 text for a literal or refuses it: never a DNS lookup.
            return Optional.of(v4 != null ? InetAddress.getByAddress(v4) : InetAddress.getByName("[" + literal + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The four bytes of a dotted-quad IPv4 literal without leading zeros ({@code 010.0.0.1} could mean octal to
     * some readers), else null. By hand, since every request behind a proxy parses one or two.
     */
    private static byte[] ipv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return null;
                }
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 3) {
                bytes[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 3 || digits == 0) {
            return null;
        }
        bytes[3] = (byte) value;
        return bytes;
    }

    /**
     * The bucket a client's address falls in: the address itself for IPv4, its /64 for IPv6, since one subscriber
     * usually holds a whole /64 and could otherwise take a new bucket with each of its addresses.
     */
    static String bucketOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        StringBuilder prefix = new StringBuilder(24);
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }
}
