package io.waybill.adapters.http;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** The addresses and networks (CIDR, such as {@code 10.0.0.0/8} or {@code fd00::/8}) of proxies to believe. */
final class TrustedProxies {

    private record Network(byte[] address, int prefixLength) {

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (candidate[full] & mask) == (address[full] & mask);
        }
    }

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = networks;
    }

    /** @throws IllegalArgumentException naming the first entry that is not an address or a network */
    static TrustedProxies parse(List<String> entries) {
        return new TrustedProxies(entries.stream().map(TrustedProxies::network).toList());
    }

    boolean isEmpty() {
        return networks.isEmpty();
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Network network : networks) {
            if (network.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static Network network(String entry) {
        String text = entry.strip();
        int slash = text.indexOf('/');
        Optional<InetAddress> address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or a network such as 10.0.0.0/8");
        }
        int bits = address.get().getAddress().length * 8;
        int prefixLength = bits;
        if (slash >= 0) {
            String length = text.substring(slash + 1);
            prefixLength = length.matches("[0-9]{1,3}") ? Integer.parseInt(length) : -1;
            if (prefixLength < 0 || prefixLength > bits) {
                throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0 to " + bits);
            }
        }
        return new Network(address.get().getAddress(), prefixLength);
    }
}
