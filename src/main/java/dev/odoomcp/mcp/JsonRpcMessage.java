package dev.odoomcp.mcp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC message received from a client. Sealed so that every kind is handled: requests get
 * an answer, notifications and responses (to requests we never send) get HTTP 202.
 */
sealed interface JsonRpcMessage {

    /** A request: has a string or integer id and expects a response. */
    record Request(JsonNode id, String method, ObjectNode params) implements JsonRpcMessage {}

    /** A notification: no id, no response. */
    record Notification(String method, ObjectNode params) implements JsonRpcMessage {}

    /** A response or error from the client. */
    record Response(JsonNode id) implements JsonRpcMessage {}

    /**
     * Classifies one parsed JSON value.
     *
     * @throws McpException {@link JsonRpcError#INVALID_REQUEST} (HTTP 400) when it is no valid message
     */
    static JsonRpcMessage from(JsonNode node) {
        if (node.isArray()) {
            throw invalid("JSON-RPC batches are not supported: send one message per HTTP request.");
        }
        if (!node.isObject()) {
            throw invalid("A JSON-RPC message must be a JSON object.");
        }
        if (!"2.0".equals(node.path("jsonrpc").asString(null))) {
            throw invalid("The member \"jsonrpc\" must be exactly \"2.0\".");
        }
        JsonNode id = node.get("id");
        if (id != null && !(id.isString() || id.isIntegralNumber())) {
            throw invalid("The member \"id\" must be a string or an integer (and not null).");
        }
        JsonNode method = node.get("method");
        if (method == null) {
            if (id != null && (node.has("result") || node.has("error"))) {
                return new Response(id);
            }
            throw invalid("The member \"method\" is missing.");
        }
        if (!method.isString() || method.asString().isEmpty()) {
            throw invalid("The member \"method\" must be a non-empty string.");
        }
        JsonNode params = node.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw invalid("The member \"params\" must be a JSON object when present.");
        }
        ObjectNode paramsObject = params instanceof ObjectNode object ? object : null;
        return id == null
                ? new Notification(method.asString(), paramsObject)
                : new Request(id, method.asString(), paramsObject);
    }

    private static McpException invalid(String message) {
        return new McpException(JsonRpcError.INVALID_REQUEST, message, 400, null);
    }
}
