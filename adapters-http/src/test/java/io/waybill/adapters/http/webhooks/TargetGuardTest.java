package io.waybill.adapters.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TargetGuardTest {

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
            "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "64:ff9b::a9fe:a9fe",
            "64:ff9b::7f00:1", "2002:a00:1::1", "2002:7f00:1::", "::10.0.0.1"})
    void refusesAddressesThatAreNoPublicReceivers(String literal) {
        assertThat(TargetGuard.isPublic(address(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8",
            "64:ff9b::808:808", "2002:808:808::1"})
    void acceptsPublicAddresses(String literal) {
        assertThat(TargetGuard.isPublic(address(literal))).isTrue();
    }

    @Test
    void refusesANameWhenAnyOfItsAddressesIsPrivate() {
        Map<String, List<InetAddress>> names = Map.of(
                "shop.example", List.of(address("93.184.216.34")),
                "rebound.example", List.of(address("93.184.216.34"), address("10.0.0.7")));
        List<String> asked = new ArrayList<>();
        TargetGuard guard = new TargetGuard(false, host -> {
            asked.add(host);
            List<InetAddress> found = names.get(host);
            if (found == null) {
                throw new UnknownHostException(host);
            }
            return found;
        });

        assertThat(guard.refusal(URI.create("https://shop.example/hooks"))).isEmpty();
        assertThat(guard.refusal(URI.create("https://rebound.example/hooks"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("10.0.0.7", "not a public address"));
        assertThat(guard.refusal(URI.create("https://nowhere.example/"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("cannot be resolved"));
        assertThat(guard.refusal(URI.create("ftp://shop.example/"))).hasValueSatisfying(reason ->
                assertThat(reason).contains("http"));
        assertThat(asked).containsExactly("shop.example", "rebound.example", "nowhere.example");
    }

    @Test
    void allowsPrivateTargetsWhenTold() {
        TargetGuard guard = new TargetGuard(true, host -> {
            throw new AssertionError("nothing to resolve when private targets are allowed");
        });

        assertThat(guard.refusal(URI.create("http://127.0.0.1:8080/hooks"))).isEmpty();
    }
}
