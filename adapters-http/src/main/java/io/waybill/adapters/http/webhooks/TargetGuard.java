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
 * link-local (169.254/16 with the cloud metadata services, fe80::/10), the unspecified address, multicast, and
 * IPv4-mapped IPv6 forms of these. Every address of the name is checked, so a name that also resolves to a private
 * address is refused. Thread-safe.
 */
final class TargetGuard {

    private final boolean allowPrivate;
    private final Resolver resolver;

    TargetGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why {@code url} is refused; empty when it may receive. */
    Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https URLs receive webhooks");
        }
        if (url.getHost() == null) {
            return Optional.of("the URL names no host");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host " + url.getHost() + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("the host " + url.getHost() + " resolves to " + address.getHostAddress()
                        + ", which is not a public address");
            }
        }
        return Optional.empty();
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
            if (isMappedIpv4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
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

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** Names to addresses: the system's resolver, or a test's. */
    @FunctionalInterface
    interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }
}
