package io.waybill.adapters.http.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook targets are refused: anything but http(s), and, unless private targets are allowed, a host that
 * resolves to any address that is no public receiver's: loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * link-local (169.254/16 with the cloud metadata services, fe80::/10), the unspecified address, multicast, and the
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) of these. Every
 * address of the name is checked, so a name that also resolves to a private address is refused; {@link #check} gives
 * the addresses checked, which are the ones to connect to (a second resolution could answer otherwise). Thread-safe.
 */
final class TargetGuard {

    private final boolean allowPrivate;
    private final Resolver resolver;

    TargetGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why {@code url} is refused; empty when it may receive. With private targets allowed, nothing is resolved. */
    Optional<String> refusal(URI url) {
        Optional<String> malformed = malformed(url);
        if (malformed.isPresent() || allowPrivate) {
            return malformed;
        }
        return check(url).refusal();
    }

    /** Resolves {@code url}'s host and checks every address: the addresses to connect to, or why there are none. */
    Checked check(URI url) {
        Optional<String> malformed = malformed(url);
        if (malformed.isPresent()) {
            return new Checked(List.of(), malformed);
        }
        String host = url.getHost();
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return new Checked(List.of(), Optional.of("the host " + host + " cannot be resolved"));
        }
        if (addresses.isEmpty()) {
            return new Checked(List.of(), Optional.of("the host " + host + " has no address"));
        }
        for (InetAddress address : addresses) {
            if (!allowPrivate && !isPublic(address)) {
                return new Checked(List.of(), Optional.of("the host " + host + " resolves to "
                        + address.getHostAddress() + ", which is not a public address"));
            }
        }
        return new Checked(addresses, Optional.empty());
    }

    private static Optional<String> malformed(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs receive webhooks");
        }
        if (url.getHost() == null) {
            return Optional.of("the URL names no host");
        }
        return Optional.empty();
    }

    /**
     * @param addresses every address of the host, each checked; empty when refused
     * @param refusal why the URL may not receive; empty when it may
     */
    record Checked(List<InetAddress> addresses, Optional<String> refusal) {

        Checked {
            addresses = List.copyOf(addresses);
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false; // unique local, fc00::/7
            }
            if (isMappedIpv4(bytes) || isCompatibleIpv4(bytes) || isNat64(bytes)) {
                return isPublicIpv4(java.util.Arrays.copyOfRange(bytes, 12, 16));
            }
            if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) {
                return isPublicIpv4(java.util.Arrays.copyOfRange(bytes, 2, 6)); // 6to4, 2002:AABB:CCDD::/48
            }
            return true;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 0/8 ("this network"), 100.64/10 (carrier-grade NAT), 192.0.0/24, 198.18/15 (benchmarking), 240/4 (reserved)
        return first != 0 && !(first == 100 && second >= 64 && second < 128)
                && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) && !(first == 198 && (second & 0xfe) == 18)
                && first < 240;
    }

    private static boolean isPublicIpv4(byte[] bytes) {
        try {
            return isPublic(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    // ::a.b.c.d (deprecated, still routed by some stacks); :: and ::1 are the unspecified and loopback addresses.
    private static boolean isCompatibleIpv4(byte[] bytes) {
        return java.util.Arrays.equals(bytes, 0, 12, new byte[12], 0, 12);
    }

    // 64:ff9b::/96, the well-known NAT64 prefix: a NAT64 gateway forwards to the IPv4 address in the last four bytes.
    private static boolean isNat64(byte[] bytes) {
        byte[] prefix = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
        return java.util.Arrays.equals(bytes, 0, 12, prefix, 0, 12);
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        byte[] prefix = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
        return java.util.Arrays.equals(bytes, 0, 12, prefix, 0, 12);
    }

    /** Names to addresses: the system's resolver, or a test's. */
    @FunctionalInterface
    interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }
}
