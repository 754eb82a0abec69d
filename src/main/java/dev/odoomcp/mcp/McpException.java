package dev.odoomcp.mcp;

import tools.jackson.databind.JsonNode;

/**
 * A protocol-level failure that becomes a JSON-RPC error response (not a tool result). Carries the
 * HTTP status to answer with, which is 200 for ordinary method errors.
 */
public class McpException extends RuntimeException {

    private final int code;
    private final int httpStatus;
    private final JsonNode data;

    public McpException(int code, String message) {
        this(code, message, 200, null);
    }

    public McpException(int code, String message, int httpStatus, JsonNode data) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
        this.data = data;
    }

    public static McpException invalidParams(String message) {
        return new McpException(JsonRpcError.INVALID_PARAMS, message);
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public JsonRpcError toError() {
        return new JsonRpcError(code, getMessage(), data);
    }
}
