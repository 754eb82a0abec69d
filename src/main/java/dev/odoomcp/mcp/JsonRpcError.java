package dev.odoomcp.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC error object, and the codes MCP uses. Messages are written for the person or model
 * reading them: what is wrong and what to send instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonRpcError(int code, String message, JsonNode data) {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** MCP: {@code resources/read} of a URI that does not exist. */
    public static final int RESOURCE_NOT_FOUND = -32002;

    public JsonRpcError(int code, String message) {
        this(code, message, null);
    }
}
