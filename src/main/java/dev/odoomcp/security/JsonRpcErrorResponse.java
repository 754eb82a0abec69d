package dev.odoomcp.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a servlet filter answers with a JSON-RPC error: filters run before the MCP layer
 * (which has its own envelope for the controller) and refuse requests whose id they never read, so
 * the id is {@code null}. The message is JSON-escaped by Jackson, never pasted into a literal.
 */
public final class JsonRpcErrorResponse {

    /** JSON-RPC "Invalid Request". */
    public static final int INVALID_REQUEST = -32600;
    /** Implementation-defined server error: the server is over one of its limits, retry later. */
    public static final int SERVER_BUSY = -32000;
    /** Seconds a client is told to wait after a refusal for load. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private JsonRpcErrorResponse() {}

    /** Writes {@code {"jsonrpc":"2.0","id":null,"error":{code,message}}} with the given HTTP status. */
    public static void write(HttpServletResponse response, int status, int code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("jsonrpc", "2.0");
        envelope.put("id", null);
        envelope.put("error", error);
        byte[] body = JsonMapper.shared().writeValueAsBytes(envelope);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** HTTP 503 with {@code Retry-After}: the server is over a limit, not the request at fault. */
    public static void busy(HttpServletResponse response, String message) throws IOException {
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, SERVER_BUSY, message);
    }
}
