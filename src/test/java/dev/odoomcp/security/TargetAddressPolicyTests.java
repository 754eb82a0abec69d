package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Decisions only: no test here opens a connection or asks real DNS (literals parse locally). */
class TargetAddressPolicyTests {

    private final TargetAddressPolicy defaults = new TargetAddressPolicy(false);
    private final TargetAddressPolicy permissive = new TargetAddressPolicy(true);

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // IP literals only: parsed, never looked up
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback",
            "127.8.9.10, loopback",
            "::1, loopback",
            "10.1.2.3, private",
            "172.16.0.1, private",
            "172.31.255.254, private",
            "192.168.1.1, private",
            "169.254.169.254, link-local",
            "fe80::1, link-local",
            "fc00::1, private",
            "fd12:3456::1, private",
            "::ffff:127.0.0.1, loopback",
            "::ffff:10.0.0.1, private",
            "::ffff:169.254.169.254, link-local",
            "100.64.0.1, private",
            "100.127.255.254, private",
            "198.18.0.1, reserved",
            "0.0.0.0, unspecified",
            "0.1.2.3, unspecified",
            "::, unspecified",
            "255.255.255.255, broadcast",
            "224.0.0.1, multicast",
            "ff02::1, multicast",
            "240.0.0.1, reserved",
    })
    void refusesNonPublicAddressesByDefault(String literal, String expectedWord) throws UnknownHostException {
        assertThat(defaults.refusal(ip(literal))).hasValueSatisfying(reason -> assertThat(reason).contains(expectedWord));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.128.0.1", "172.32.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(defaults.refusal(ip(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.0.0.1", "192.168.0.10", "169.254.169.254", "fc00::1"})
    void operatorMayAllowPrivateNetworks(String literal) throws UnknownHostException {
        assertThat(permissive.refusal(ip(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "224.0.0.1", "255.255.255.255"})
    void neverAllowsUnspecifiedMulticastOrBroadcast(String literal) throws UnknownHostException {
        assertThat(permissive.refusal(ip(literal))).isPresent();
    }

    @Test
    void oneBadAddressAmongGoodOnesRefusesTheName() throws UnknownHostException {
        assertThatThrownBy(() -> defaults.check("mixed.example", List.of(ip("8.8.8.8"), ip("10.0.0.7"))))
                .isInstanceOf(TargetRefusedException.class)
                .hasMessageContaining("'mixed.example'")
                .hasMessageContaining("private")
                .hasMessageContaining("ODOO_ALLOW_PRIVATE_NETWORKS");
    }

    @Test
    void noAddressAtAllIsRefused() {
        assertThatThrownBy(() -> defaults.check("empty.example", List.of())).isInstanceOf(TargetRefusedException.class);
    }
}
