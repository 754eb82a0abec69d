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
 * @param retry a 2026-07-28 retry's answers and echoed state ({@link InputRetry#NONE} on a first request)
 */
public record McpRequestContext(
        String protocolVersion, JsonNode clientCapabilities, Caller caller, RequestTrace trace, InputRetry retry) {

    public McpRequestContext {
        trace = trace == null ? RequestTrace.detached() : trace;
        retry = retry == null ? InputRetry.NONE : retry;
    }

    public McpRequestContext(String protocolVersion, JsonNode clientCapabilities, Caller caller, RequestTrace trace) {
        this(protocolVersion, clientCapabilities, caller, trace, InputRetry.NONE);
    }

    /** The stateless revision 2026-07-28, where a request may be answered with an input-required result. */
    public boolean stateless() {
        return McpProtocol.STATELESS_VERSION.equals(protocolVersion);
    }

    /**
     * Whether a handler may ask the user through an input-required result with a form elicitation: a
     * 2026-07-28 client that declared {@code elicitation} ({@code {}} means form mode) in this request.
     */
    public boolean canElicitForms() {
        JsonNode elicitation = clientCapabilities.path("elicitation");
        return stateless() && elicitation.isObject() && (elicitation.isEmpty() || elicitation.has("form"));
    }

    /** This context with a retry's answers and state. */
    McpRequestContext retrying(InputRetry input) {
        return new McpRequestContext(protocolVersion, clientCapabilities, caller, trace, input);
    }
}
