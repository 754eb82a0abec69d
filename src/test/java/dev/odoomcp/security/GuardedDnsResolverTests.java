package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolver with a fake name lookup: no real DNS, no connections. */
class GuardedDnsResolverTests {

    private final List<String> lookedUp = new ArrayList<>();

    private GuardedDnsResolver resolver(boolean allowPrivate, Map<String, String[]> names) {
        return new GuardedDnsResolver(new TargetAddressPolicy(allowPrivate), host -> {
            lookedUp.add(host);
            String[] literals = names.get(host);
            if (literals == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] out = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                out[i] = InetAddress.getByName(literals[i]);
            }
            return out;
        });
    }

    @Test
    void hostNameResolvingToAPrivateAddressIsRefused() {
        GuardedDnsResolver r = resolver(false, Map.of("erp.evil.example", new String[] {"192.168.0.12"}));
        assertThatThrownBy(() -> r.resolve("erp.evil.example"))
                .isInstanceOf(TargetRefusedException.class)
                .hasMessageContaining("erp.evil.example");
        assertThatThrownBy(() -> r.resolve("erp.evil.example", 443)).isInstanceOf(TargetRefusedException.class);
    }

    @Test
    void hostNameResolvingToMetadataServiceIsRefused() {
        GuardedDnsResolver r = resolver(false, Map.of("meta.example", new String[] {"169.254.169.254"}));
        assertThatThrownBy(() -> r.resolve("meta.example", 80))
                .isInstanceOf(TargetRefusedException.class)
                .hasMessageContaining("link-local");
    }

    @Test
    void publicNameIsResolvedOnceAndExactlyThoseAddressesAreUsed() throws UnknownHostException {
        GuardedDnsResolver r =
                resolver(false, Map.of("acme.odoo.example", new String[] {"8.8.4.4", "2001:4860:4860::8844"}));
        List<InetSocketAddress> addresses = r.resolve("acme.odoo.example", 443);
        assertThat(addresses)
                .extracting(a -> a.getAddress().getHostAddress())
                .containsExactly("8.8.4.4", "2001:4860:4860:0:0:0:0:8844");
        assertThat(addresses).allSatisfy(a -> assertThat(a.getPort()).isEqualTo(443));
        assertThat(lookedUp).containsExactly("acme.odoo.example");
    }

    @Test
    void literalIpGoesThroughTheSameCheck() {
        GuardedDnsResolver r = new GuardedDnsResolver(new TargetAddressPolicy(false));
        assertThatThrownBy(() -> r.resolve("127.0.0.1", 8069)).isInstanceOf(TargetRefusedException.class);
        assertThatThrownBy(() -> r.resolve("[::1]", 8069)).isInstanceOf(TargetRefusedException.class);
        assertThatThrownBy(() -> r.resolve("2130706433", 8069)).isInstanceOf(TargetRefusedException.class);
    }

    @Test
    void privateNameIsAllowedWhenTheOperatorSaysSo() throws UnknownHostException {
        GuardedDnsResolver r = resolver(true, Map.of("odoo.internal", new String[] {"10.0.0.5"}));
        assertThat(r.resolve("odoo.internal"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("10.0.0.5");
    }

    @Test
    void noReverseLookups() {
        GuardedDnsResolver r = resolver(false, Map.of());
        assertThat(r.resolveCanonicalHostname("acme.example")).isEqualTo("acme.example");
        assertThat(lookedUp).isEmpty();
    }
}
