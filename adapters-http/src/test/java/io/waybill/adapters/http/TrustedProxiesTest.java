package io.waybill.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    private static final TrustedProxies PROXIES =
            TrustedProxies.parse(List.of("10.0.0.0/8", " 172.16.0.0/12", "192.0.2.1", "fd00::/8", "::1"));

    @Test
    void addressesAndNetworksAreMatchedBitByBit() {
        assertThat(PROXIES.contains(address("10.200.3.4"))).isTrue();
        assertThat(PROXIES.contains(address("11.0.0.1"))).isFalse();
        assertThat(PROXIES.contains(address("172.31.255.255"))).isTrue();
        assertThat(PROXIES.contains(address("172.32.0.0"))).isFalse();
        assertThat(PROXIES.contains(address("192.0.2.1"))).isTrue();
        assertThat(PROXIES.contains(address("192.0.2.2"))).isFalse();
        assertThat(PROXIES.contains(address("fd12:3456::1"))).isTrue();
        assertThat(PROXIES.contains(address("fe80::1"))).isFalse();
        assertThat(PROXIES.contains(address("::1"))).isTrue();
        assertThat(TrustedProxies.parse(List.of("0.0.0.0/0")).contains(address("203.0.113.9"))).isTrue();
        assertThat(TrustedProxies.parse(List.of()).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "fd00::/129", "10.0.0.1/x", "10.0.0.1/", "example.com", "10.0.0",
            "256.1.1.1", "", "10.0.0.0/-1"})
    void whatIsNotAnAddressOrANetworkIsRefusedByName(String entry) {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse(List.of(entry)))
                .withMessageContaining("'" + entry + "'");
    }

    @Test
    void onlyLiteralsAreParsedSoAHeaderNeverCausesADnsLookup() {
        assertThat(IpAddresses.parse("localhost")).isEmpty();
        assertThat(IpAddresses.parse("999.1.1.1")).isEmpty();
        assertThat(IpAddresses.parse("1.2.3")).isEmpty();
        assertThat(IpAddresses.parse("dead:beef::zz")).isEmpty();
        assertThat(IpAddresses.parse("unknown")).isEmpty();
        assertThat(IpAddresses.parse("[2001:db8::1]")).contains(address("2001:db8::1"));
        assertThat(IpAddresses.parse("203.0.113.7")).contains(address("203.0.113.7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "10.0.0.1", "192.168.100.9"})
    void everyDottedQuadIsParsedToItsBytes(String literal) throws Exception {
        assertThat(IpAddresses.parse(literal)).contains(InetAddress.getByName(literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"010.0.0.1", "00.1.1.1", "1.2.3.0400", "1..2.3", "1.2.3.4.", ".1.2.3", "1.2.3.256",
            "1.2.3.4 ", " 1.2.3.4", "1.2.3.4.5", "1.2.3.-4", "\u0661.\u0662.\u0663.\u0664", "1.2.3.4x", "4294967297.1.1.1"})
    void whatIsNotACanonicalDottedQuadIsNoIpv4Address(String text) {
        assertThat(IpAddresses.parse(text)).isEmpty();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertThat(IpAddresses.bucketOf(address("2001:db8:1:2:aaaa::1")))
                .isEqualTo(IpAddresses.bucketOf(address("2001:db8:1:2:bbbb::9")))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(IpAddresses.bucketOf(address("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(IpAddresses.bucketOf(address("::ffff:203.0.113.7"))).as("IPv4-mapped").isEqualTo("203.0.113.7");
    }

    @Test
    void settingsRefuseWhatCannotBeALimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitSettings(-1, 1, 0, 1, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitSettings(1, 0, 0, 1, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitSettings(1, 1, 0, 0, List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitSettings(1, 1, 0, 1, List.of("proxy")));
    }

    private static InetAddress address(String literal) {
        return IpAddresses.parse(literal).orElseThrow();
    }
}
