package dev.odoomcp.security;

import java.net.Inet4Address;
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
 * refuses the whole name when any single address is refused. The blocks below are the IANA
 * special-purpose registries (IPv4: https://www.iana.org/assignments/iana-ipv4-special-registry/,
 * IPv6: https://www.iana.org/assignments/iana-ipv6-special-registry/, as of 2025-10) less the
 * entries marked globally reachable, plus multicast, and cloud platform endpoints outside them.
 * IPv6 forms that carry an IPv4 address (mapped, translated, NAT64, 6to4) are judged by that
 * IPv4 address, so {@code 64:ff9b::7f00:1} is loopback like {@code 127.0.0.1}.
 */
public final class TargetAddressPolicy {

    /** How an address of a block is treated. */
    private enum Rule {
        /** Refused even with {@code ODOO_ALLOW_PRIVATE_NETWORKS}: no server is ever there. */
        NEVER,
        /** Refused unless the operator allows private networks. */
        NON_PUBLIC,
        /** Judged by the IPv4 address in its last four bytes. */
        EMBEDS_IPV4,
        /** 6to4: judged by the IPv4 address in bytes 2 to 5. */
        EMBEDS_IPV4_6TO4
    }

    /** One address block: {@code bits} leading bits of {@code prefix}. */
    private record Block(byte[] prefix, int bits, Rule rule, String what) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final String UNSPECIFIED = "an unspecified address (0.0.0.0/8 or ::)";
    private static final String MULTICAST = "a multicast or broadcast address";
    private static final String LOOPBACK = "a loopback address";
    private static final String LINK_LOCAL = "a link-local address (this includes cloud metadata services)";
    private static final String PRIVATE = "a private or reserved network address";
    private static final String DOCUMENTATION = "a documentation or benchmarking address (reserved, never a server)";

    /** Checked in order; the first block that contains an address decides. */
    private static final List<Block> BLOCKS = List.of(
            // IPv4
            block("0.0.0.0", 8, Rule.NEVER, UNSPECIFIED),
            block("10.0.0.0", 8, Rule.NON_PUBLIC, PRIVATE),
            block(
                    "100.64.0.0",
                    10,
                    Rule.NON_PUBLIC,
                    "a private or reserved network address (shared address space,"
                            + " carrier-grade NAT; this includes Alibaba Cloud's metadata service)"),
            block("127.0.0.0", 8, Rule.NON_PUBLIC, LOOPBACK),
            block("169.254.0.0", 16, Rule.NON_PUBLIC, LINK_LOCAL),
            block("172.16.0.0", 12, Rule.NON_PUBLIC, PRIVATE),
            block(
                    "192.0.0.0",
                    24,
                    Rule.NON_PUBLIC,
                    "a reserved address (IETF protocol assignments, DS-Lite, NAT64"
                            + " discovery; this includes Oracle Cloud's metadata service)"),
            block("192.0.2.0", 24, Rule.NON_PUBLIC, DOCUMENTATION),
            block("192.88.99.0", 24, Rule.NON_PUBLIC, "a reserved address (the retired 6to4 relay anycast)"),
            block("192.168.0.0", 16, Rule.NON_PUBLIC, PRIVATE),
            block("198.18.0.0", 15, Rule.NON_PUBLIC, DOCUMENTATION),
            block("198.51.100.0", 24, Rule.NON_PUBLIC, DOCUMENTATION),
            block("203.0.113.0", 24, Rule.NON_PUBLIC, DOCUMENTATION),
            block("224.0.0.0", 4, Rule.NEVER, MULTICAST),
            block("255.255.255.255", 32, Rule.NEVER, MULTICAST),
            block("240.0.0.0", 4, Rule.NON_PUBLIC, "a reserved address (240.0.0.0/4)"),
            // Not in the registry: Azure's platform endpoint (WireServer), reachable from every Azure VM.
            block("168.63.129.16", 32, Rule.NON_PUBLIC, "a cloud platform address (Azure's host endpoint)"),
            // IPv6
            block("::", 128, Rule.NEVER, UNSPECIFIED),
            block("::1", 128, Rule.NON_PUBLIC, LOOPBACK),
            new Block(mappedPrefix(), 96, Rule.EMBEDS_IPV4, "IPv4-mapped"),
            block("::ffff:0:0:0", 96, Rule.EMBEDS_IPV4, "IPv4-translated (RFC 2765)"),
            block("::", 96, Rule.EMBEDS_IPV4, "IPv4-compatible (deprecated)"),
            block("64:ff9b::", 96, Rule.EMBEDS_IPV4, "NAT64"),
            block("64:ff9b:1::", 48, Rule.NON_PUBLIC, "a local-use IPv4/IPv6 translation address (64:ff9b:1::/48)"),
            block("100::", 64, Rule.NON_PUBLIC, "a discard-only address (100::/64)"),
            block("100:0:0:1::", 64, Rule.NON_PUBLIC, "a reserved address (dummy prefix 100:0:0:1::/64)"),
            block("2001::", 32, Rule.NON_PUBLIC, "a Teredo tunnel address (2001::/32), which could lead anywhere"),
            block("2001::", 23, Rule.NON_PUBLIC, "a reserved address (IETF protocol assignments, 2001::/23)"),
            block("2001:db8::", 32, Rule.NON_PUBLIC, DOCUMENTATION),
            block("2002::", 16, Rule.EMBEDS_IPV4_6TO4, "6to4"),
            block("3fff::", 20, Rule.NON_PUBLIC, DOCUMENTATION),
            block("5f00::", 16, Rule.NON_PUBLIC, "a reserved address (segment routing identifiers, 5f00::/16)"),
            block("fc00::", 7, Rule.NON_PUBLIC, PRIVATE + " (unique local; this includes AWS's IPv6 metadata service)"),
            block("fe80::", 10, Rule.NON_PUBLIC, LINK_LOCAL),
            block("fec0::", 10, Rule.NON_PUBLIC, PRIVATE + " (site-local, deprecated)"),
            block("ff00::", 8, Rule.NEVER, MULTICAST));

    private final boolean allowPrivateNetworks;

    /** @param allowPrivateNetworks operator switch {@code ODOO_ALLOW_PRIVATE_NETWORKS} */
    public TargetAddressPolicy(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Why this address is refused, or empty when a connection to it is allowed. */
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : BLOCKS) {
            if (block.contains(bytes)) {
                return switch (block.rule()) {
                    case NEVER -> Optional.of(block.what());
                    case NON_PUBLIC -> allowPrivateNetworks ? Optional.empty() : Optional.of(block.what());
                    case EMBEDS_IPV4 -> refusal(ipv4(bytes, 12));
                    case EMBEDS_IPV4_6TO4 -> refusal(ipv4(bytes, 2));
                };
            }
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
                        + (allowPrivateNetworks
                                ? "."
                                : ", or ask the operator to set ODOO_ALLOW_PRIVATE_NETWORKS=true."));
            }
        }
    }

    private static Inet4Address ipv4(byte[] bytes, int from) {
        try {
            return (Inet4Address) InetAddress.getByAddress(
                    new byte[] {bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3]});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@code ::ffff:0:0}, which {@link InetAddress#getByName} would turn into an IPv4 address. */
    private static byte[] mappedPrefix() {
        byte[] prefix = new byte[16];
        prefix[10] = (byte) 0xff;
        prefix[11] = (byte) 0xff;
        return prefix;
    }

    /** A block from a literal: parsed locally, never looked up (IP literals only). */
    private static Block block(String literal, int bits, Rule rule, String what) {
        try {
            return new Block(InetAddress.getByName(literal).getAddress(), bits, rule, what);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
