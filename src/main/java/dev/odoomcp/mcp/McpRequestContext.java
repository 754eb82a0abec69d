package dev.odoomcp.mcp;

import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Everything a handler may know about the request it serves, resolved once and passed down: the
 * protocol revision in force, the request headers (where tenants put their Odoo credentials) and
 * the client's capabilities. Immutable; nothing of it survives the request.
 *
 * @param protocolVersion negotiated or declared MCP revision, e.g. {@code 2025-11-25}
 * @param headers request headers, names in lower case, first value only
 * @param clientCapabilities what the client declared (empty object when unknown)
 */
public record McpRequestContext(String protocolVersion, Map<String, String> headers, JsonNode clientCapabilities) {

    public McpRequestContext {
        headers = Map.copyOf(headers);
    }

    /** A header by name, case-insensitive; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
