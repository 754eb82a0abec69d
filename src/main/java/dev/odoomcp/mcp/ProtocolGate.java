package dev.odoomcp.mcp;

import dev.odoomcp.ops.RequestTrace;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides which protocol era a message speaks and enforces that era's transport rules before any
 * handler runs. A request whose {@code MCP-Protocol-Version} header names the stateless revision, or
 * whose {@code _meta} carries a protocol version, is served statelessly (2026-07-28) and must pass
 * the header checks of that revision, in the order the specification's reference server uses.
 * Anything else is a legacy request whose revision was negotiated by {@code initialize}.
 */
final class ProtocolGate {

    private static final Set<String> NAMED_METHODS = Set.of("tools/call", "prompts/get", "resources/read");

    private ProtocolGate() {}

    /**
     * Resolves the context of a request, or throws the HTTP 400 error the rules demand.
     *
     * @param headers the request headers, names in lower case
     * @param caller resolves the caller once the protocol rules have passed (it may refuse the request too)
     */
    static McpRequestContext forRequest(
            JsonRpcMessage.Request request, Map<String, String> headers, Supplier<Caller> caller, RequestTrace trace) {
        String headerVersion = trimmed(headers.get("mcp-protocol-version"));
        JsonNode meta = request.params() == null ? null : request.params().get("_meta");
        boolean modern = (meta != null && meta.has(McpProtocol.META_PROTOCOL_VERSION))
                || McpProtocol.STATELESS_VERSION.equals(headerVersion);
        if (!modern) {
            return legacy(request, headerVersion, caller, trace);
        }
        if (headerVersion == null) {
            throw headerMismatch("The MCP-Protocol-Version header is required on every request.");
        }
        JsonNode version = meta == null ? null : meta.get(McpProtocol.META_PROTOCOL_VERSION);
        JsonNode capabilities = meta == null ? null : meta.get(McpProtocol.META_CLIENT_CAPABILITIES);
        if (version == null || !version.isString() || capabilities == null || !capabilities.isObject()) {
            throw new McpException(
                    JsonRpcError.INVALID_PARAMS,
                    "params._meta must carry \""
                            + McpProtocol.META_PROTOCOL_VERSION + "\" (a string) and \""
                            + McpProtocol.META_CLIENT_CAPABILITIES + "\" (an object) on every request.",
                    400,
                    null);
        }
        if (!headerVersion.equals(version.asString())) {
            throw headerMismatch("The MCP-Protocol-Version header (" + headerVersion
                    + ") does not match params._meta protocolVersion (" + version.asString() + ").");
        }
        if (!McpProtocol.STATELESS_VERSION.equals(headerVersion)) {
            throw unsupportedVersion(headerVersion);
        }
        checkMethodAndNameHeaders(request, headers);
        return new McpRequestContext(headerVersion, capabilities, caller.get(), trace);
    }

    /** Notifications are accepted unless they declare a revision we do not speak. */
    static void checkNotification(Map<String, String> headers) {
        String headerVersion = trimmed(headers.get("mcp-protocol-version"));
        if (headerVersion != null && !McpProtocol.isSupported(headerVersion)) {
            throw unsupportedVersion(headerVersion);
        }
    }

    static McpException unsupportedVersion(String requested) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.putArray("supported")
                .addAll(McpProtocol.SUPPORTED_VERSIONS.stream()
                        .map(JsonNodeFactory.instance::stringNode)
                        .toList());
        data.put("requested", requested);
        return new McpException(
                McpProtocol.UNSUPPORTED_PROTOCOL_VERSION,
                "Unsupported protocol version '" + requested + "'; supported: "
                        + String.join(", ", McpProtocol.SUPPORTED_VERSIONS) + ".",
                400,
                data);
    }

    private static McpRequestContext legacy(
            JsonRpcMessage.Request request, String headerVersion, Supplier<Caller> caller, RequestTrace trace) {
        if (headerVersion != null && !McpProtocol.isLegacy(headerVersion)) {
            throw unsupportedVersion(headerVersion);
        }
        JsonNode capabilities = JsonNodeFactory.instance.objectNode();
        if (McpMethods.INITIALIZE.equals(request.method())
                && request.params() != null
                && request.params().get("capabilities") instanceof ObjectNode declared) {
            capabilities = declared;
        }
        String version = headerVersion != null ? headerVersion : McpProtocol.DEFAULT_LEGACY_VERSION;
        return new McpRequestContext(version, capabilities, caller.get(), trace);
    }

    private static void checkMethodAndNameHeaders(JsonRpcMessage.Request request, Map<String, String> headers) {
        String method = decoded(headers.get("mcp-method"));
        if (method == null) {
            throw headerMismatch("The Mcp-Method header is required and must repeat the JSON-RPC method.");
        }
        if (!method.equals(request.method())) {
            throw headerMismatch("The Mcp-Method header (" + method + ") does not match the JSON-RPC method ("
                    + request.method() + ").");
        }
        if (!NAMED_METHODS.contains(request.method()) || request.params() == null) {
            return;
        }
        JsonNode bodyName = request.params().get("resources/read".equals(request.method()) ? "uri" : "name");
        if (bodyName == null || !bodyName.isString()) {
            return; // the handler reports the missing parameter
        }
        String name = decoded(headers.get("mcp-name"));
        if (name == null) {
            throw headerMismatch("The Mcp-Name header is required on " + request.method() + " and must repeat params."
                    + ("resources/read".equals(request.method()) ? "uri" : "name") + ".");
        }
        if (!name.equals(bodyName.asString())) {
            throw headerMismatch("The Mcp-Name header does not match the name in the request body.");
        }
    }

    /** Trims optional whitespace and decodes the {@code =?base64?...?=} form used for non-ASCII values. */
    private static String decoded(String value) {
        String trimmed = trimmed(value);
        if (trimmed != null && trimmed.startsWith("=?base64?") && trimmed.endsWith("?=")) {
            try {
                byte[] bytes = Base64.getDecoder().decode(trimmed.substring(9, trimmed.length() - 2));
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw headerMismatch("A header value in the =?base64?...?= form is not valid base64.");
            }
        }
        return trimmed;
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static McpException headerMismatch(String message) {
        return new McpException(McpProtocol.HEADER_MISMATCH, message, 400, null);
    }
}
