package dev.odoomcp.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The DNS resolver of the shared HTTP client, and the SSRF wall: it resolves a name once, asks
 * {@link TargetAddressPolicy} about every address, and hands the connection exactly the vetted
 * addresses, so no second lookup can rebind the name to an internal address in between.
 */
public final class GuardedDnsResolver implements DnsResolver {

    /** Name lookup, swappable so tests never depend on real DNS. */
    @FunctionalInterface
    public interface NameLookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    private final TargetAddressPolicy policy;
    private final NameLookup lookup;

    public GuardedDnsResolver(TargetAddressPolicy policy) {
        this(policy, InetAddress::getAllByName);
    }

    public GuardedDnsResolver(TargetAddressPolicy policy, NameLookup lookup) {
        this.policy = Objects.requireNonNull(policy);
        this.lookup = Objects.requireNonNull(lookup);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = stripBrackets(host);
        InetAddress[] addresses = lookup.lookup(bare);
        policy.check(bare, addresses == null ? List.of() : List.of(addresses));
        return addresses.clone();
    }

    /** HttpClient 5.6 calls this one; it must go through the same check. */
    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        InetAddress[] addresses = resolve(host);
        List<InetSocketAddress> result = new ArrayList<>(addresses.length);
        for (InetAddress address : addresses) {
            result.add(new InetSocketAddress(address, port));
        }
        return result;
    }

    /** No reverse lookups: the canonical name is the name we were given. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
