package io.waybill.adapters.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals, parsed without ever asking DNS: what a client writes in a header must not cause a lookup. */
final class IpAddresses {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpAddresses() {}

    /** {@code text} as an address when it is an IPv4 or IPv6 literal (brackets allowed around IPv6), else empty. */
    static Optional<InetAddress> parse(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(literal).matches();
        if (!v4 && !(literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches())) {
            return Optional.empty();
        }
        try {
            // In brackets, Java takes an IPv6 text for a literal or refuses it; it never resolves it as a name.
            return Optional.of(InetAddress.getByName(v4 ? literal : "[" + literal + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
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
