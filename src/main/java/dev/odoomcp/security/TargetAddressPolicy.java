package dev.odoomcp.security;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the bridge may open a connection to an address. Exists because tenants choose
 * the Odoo URL: without this check any caller could make the server reach its own loopback, the
 * cloud metadata service (169.254.169.254) or the operator's private network (SSRF).
 *
 * <p>Pure decision logic, no I/O: the resolver asks it about every address a name resolved to and
 * refuses the whole name when any single address is refused.
 */
public final class TargetAddressPolicy {

    private final boolean allowPrivateNetworks;

    /** @param allowPrivateNetworks operator switch {@code ODOO_ALLOW_PRIVATE_NETWORKS} */
    public TargetAddressPolicy(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Why this address is refused, or empty when a connection to it is allowed. */
    public Optional<String> refusal(InetAddress address) {
        InetAddress effective = unwrapMapped(address);
        if (effective.isAnyLocalAddress() || isZeroNetwork(effective)) {
            return Optional.of("an unspecified address (0.0.0.0/8 or ::)");
        }
        if (effective.isMulticastAddress() || isBroadcast(effective)) {
            return Optional.of("a multicast or broadcast address");
        }
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        if (effective.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (effective.isLinkLocalAddress()) {
            return Optional.of("a link-local address (this includes cloud metadata services)");
        }
        if (effective.isSiteLocalAddress() || isUniqueLocal(effective) || isCarrierGradeNat(effective)
                || isOtherReserved(effective)) {
            return Optional.of("a private or reserved network address");
        }
        return Optional.empty();
    }

    /**
     * Checks every address a host name resolved to.
     *
     * @throws TargetRefusedException naming the host and the class of address, when any is refused
     */
    public void check(String host, List<InetAddress> addresses) throws TargetRefusedException {
        if (addresses.isEmpty()) {
            throw new TargetRefusedException("Host '" + host + "' did not resolve to any address.");
        }
        for (InetAddress address : addresses) {
            Optional<String> reason = refusal(address);
            if (reason.isPresent()) {
                throw new TargetRefusedException("Connections to '" + host + "' are refused: it resolves to "
                        + reason.get() + ". Use the public address of your Odoo"
                        + (allowPrivateNetworks ? "." : ", or ask the operator to set ODOO_ALLOW_PRIVATE_NETWORKS=true."));
            }
        }
    }

    /** ::ffff:a.b.c.d and the deprecated IPv4-compatible ::a.b.c.d are judged as the IPv4 address. */
    private static InetAddress unwrapMapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
            if (mapped || compatible) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return address;
    }

    private static boolean isZeroNetwork(InetAddress a) {
        return a instanceof Inet4Address && a.getAddress()[0] == 0;
    }

    private static boolean isBroadcast(InetAddress a) {
        byte[] b = a.getAddress();
        return a instanceof Inet4Address && (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff;
    }

    private static boolean isUniqueLocal(InetAddress a) {
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
    }

    private static boolean isCarrierGradeNat(InetAddress a) {
        byte[] b = a.getAddress();
        return a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    /** 192.0.0.0/24 (IETF), 198.18.0.0/15 (benchmarking), 240.0.0.0/4 (reserved), fec0::/10 (site-local). */
    private static boolean isOtherReserved(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            return (b0 == 192 && b1 == 0 && b[2] == 0) || (b0 == 198 && (b1 & 0xfe) == 18) || b0 >= 240;
        }
        return (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0;
    }
}
