package io.waybill.adapters.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Who a request comes from, for rate limits: the peer's address, or, when the peer is a trusted proxy, the first
 * address in {@code X-Forwarded-For} counted from the right that is not a trusted proxy. Everything left of that is
 * whatever the client wrote, so a forged header from an untrusted peer, or forged entries before the real ones, buy
 * no bucket of their own. An entry that is not an address ends the walk at the proxy that wrote it. Thread-safe.
 */
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final TrustedProxies trusted;

    ClientAddress(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    /** The bucket the request's client falls in: an IPv4 address, or an IPv6 /64. */
    String bucketOf(Context ctx) {
        String peerText = ctx.req().getRemoteAddr();
        if (trusted.isEmpty() && peerText.indexOf(':') < 0) {
            return peerText; // the common case, an IPv4 peer and no proxies, without parsing
        }
        Optional<InetAddress> peer = IpAddresses.parse(peerText);
        if (peer.isEmpty()) {
            return peerText; // a Unix socket, say: a bucket of its own
        }
        InetAddress client = peer.get();
        if (trusted.contains(client)) {
            for (String hop : hops(ctx)) {
                Optional<InetAddress> address = IpAddresses.parse(hop);
                if (address.isEmpty()) {
                    break;
                }
                client = address.get();
                if (!trusted.contains(client)) {
                    break;
                }
            }
        }
        return IpAddresses.bucketOf(client);
    }

    /** Every entry of every X-Forwarded-For header, right to left. */
    private static List<String> hops(Context ctx) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(ctx.req().getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        Collections.reverse(hops);
        return hops;
    }
}
