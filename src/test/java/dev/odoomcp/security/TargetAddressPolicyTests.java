package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
        // IPv6 forms carrying an IPv4 address are judged by it: NAT64, IPv4-translated, 6to4
        "64:ff9b::7f00:1, loopback",
        "64:ff9b::a00:1, private",
        "64:ff9b::a9fe:a9fe, link-local",
        "::ffff:0:127.0.0.1, loopback",
        "::ffff:0:10.0.0.1, private",
        "::ffff:0:169.254.169.254, link-local",
        "2002:7f00:1::1, loopback",
        "2002:a9fe:a9fe::1, link-local",
        "2002:c0a8:101::1, private",
        // tunnels and special-purpose blocks of the IANA registries
        "64:ff9b:1::808:808, local-use IPv4/IPv6 translation",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2, Teredo",
        "2001:2::1, reserved",
        "2001:db8::1, documentation",
        "3fff::1, documentation",
        "5f00::1, segment routing",
        "100::1, discard-only",
        "100:0:0:1::1, dummy prefix",
        "fec0::1, site-local",
        "192.0.2.1, documentation",
        "198.51.100.7, documentation",
        "203.0.113.9, documentation",
        "192.88.99.1, 6to4 relay",
        "192.0.0.8, reserved",
        // cloud metadata and platform endpoints
        "168.63.129.16, Azure",
        "192.0.0.192, Oracle",
        "100.100.100.200, Alibaba",
        "fd00:ec2::254, AWS",
    })
    void refusesNonPublicAddressesByDefault(String literal, String expectedWord) throws UnknownHostException {
        assertThat(defaults.refusal(ip(literal)))
                .hasValueSatisfying(reason -> assertThat(reason).contains(expectedWord));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "100.128.0.1",
                "172.32.0.1",
                "2001:4860:4860::8888",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "::ffff:0:8.8.8.8",
                "2002:808:808::1",
                "2a00:1450:4001:82a::200e",
                "2001:200::1",
                "168.63.129.17",
                "192.0.1.1",
                "198.20.0.1",
                "203.0.114.1"
            })
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(defaults.refusal(ip(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "::1",
                "10.0.0.1",
                "192.168.0.10",
                "169.254.169.254",
                "fc00::1",
                "64:ff9b::a00:1",
                "2002:a00:1::1",
                "168.63.129.16",
                "fd00:ec2::254"
            })
    void operatorMayAllowPrivateNetworks(String literal) throws UnknownHostException {
        assertThat(permissive.refusal(ip(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0",
                "::",
                "224.0.0.1",
                "255.255.255.255",
                "ff02::1",
                "64:ff9b::e000:1",
                "2002:ffff:ffff::1",
                "::ffff:0:0.0.0.0"
            })
    void neverAllowsUnspecifiedMulticastOrBroadcast(String literal) throws UnknownHostException {
        assertThat(permissive.refusal(ip(literal))).isPresent();
    }

    @Test
    void anIpv4MappedAddressKeptInIpv6FormIsJudgedByItsIpv4Address() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        // InetAddress.getByName would turn this into an Inet4Address; a resolver may hand it over as IPv6
        assertThat(defaults.refusal(java.net.Inet6Address.getByAddress(null, mapped, -1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("loopback"));
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
