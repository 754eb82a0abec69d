package dev.odoomcp.mcp;

import dev.odoomcp.ops.RequestTrace;
import tools.jackson.databind.JsonNode;

/**
 * Everything a handler may know about the request it serves, resolved once and passed down: the
 * protocol revision in force, the client's capabilities and who the caller is. Immutable; nothing of
 * it survives the request. It carries no header map: credentials are parsed into {@link Caller}.
 *
 * @param protocolVersion negotiated or declared MCP revision, e.g. {@code 2025-11-25}
 * @param clientCapabilities what the client declared (empty object when unknown)
 * @param caller the caller's credentials, read-only wish and client key
 * @param trace where handlers report what the request did (tenant, Odoo protocol, outcome) for its
 *        log line and metrics; the only mutable part, and it holds no secret
 */
public record McpRequestContext(String protocolVersion, JsonNode clientCapabilities, Caller caller,
        RequestTrace trace) {

    public McpRequestContext {
        trace = trace == null ? RequestTrace.detached() : trace;
    }
}
