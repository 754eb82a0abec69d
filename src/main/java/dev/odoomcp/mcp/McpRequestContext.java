package dev.odoomcp.mcp;

import dev.odoomcp.ops.RequestTrace;
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
 * @param trace where handlers report what the request did (tenant, Odoo protocol, outcome) for its
 *        log line and metrics; the only mutable part, and it holds no secret
 */
public record McpRequestContext(String protocolVersion, Map<String, String> headers, JsonNode clientCapabilities,
        RequestTrace trace) {

    public McpRequestContext {
        headers = Map.copyOf(headers);
        trace = trace == null ? RequestTrace.detached() : trace;
    }

    /** A context whose trace nobody reads (tests, code paths outside an HTTP request). */
    public McpRequestContext(String protocolVersion, Map<String, String> headers, JsonNode clientCapabilities) {
        this(protocolVersion, headers, clientCapabilities, null);
    }

    /** A header by name, case-insensitive; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
