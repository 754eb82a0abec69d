package dev.odoomcp.mcp;

import java.util.List;

/**
 * Protocol revisions, header names and error codes of MCP as this server speaks it. The server
 * is dual-era: the legacy revisions negotiate through {@code initialize}; the stateless revision
 * 2026-07-28 carries its version and client capabilities on every request.
 */
public final class McpProtocol {

    /** The stateless revision: no {@code initialize}, per-request {@code _meta}, {@code server/discover}. */
    public static final String STATELESS_VERSION = "2026-07-28";
    /** Revisions negotiated with {@code initialize}, newest first. */
    public static final List<String> LEGACY_VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26");
    /** Every revision, newest first, as {@code server/discover} lists them. */
    public static final List<String> SUPPORTED_VERSIONS =
            List.of(STATELESS_VERSION, "2025-11-25", "2025-06-18", "2025-03-26");
    /** What a legacy request without {@code MCP-Protocol-Version} is assumed to speak (transport spec). */
    public static final String DEFAULT_LEGACY_VERSION = "2025-03-26";

    public static final String PROTOCOL_VERSION_HEADER = "MCP-Protocol-Version";
    public static final String METHOD_HEADER = "Mcp-Method";
    public static final String NAME_HEADER = "Mcp-Name";
    public static final String SESSION_ID_HEADER = "Mcp-Session-Id";

    public static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";

    /** 2026-07-28: HTTP headers missing, malformed or not matching the body. */
    public static final int HEADER_MISMATCH = -32020;
    /** 2026-07-28: the request needs a client capability the client did not declare. */
    public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
    /** 2026-07-28: the requested protocol revision is not implemented here. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    private McpProtocol() {}

    public static boolean isSupported(String version) {
        return SUPPORTED_VERSIONS.contains(version);
    }

    public static boolean isLegacy(String version) {
        return LEGACY_VERSIONS.contains(version);
    }
}
