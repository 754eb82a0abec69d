package dev.odoomcp.ops;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * What one {@code /mcp} request did, filled in by the layers that learn it (protocol layer: method,
 * tool, outcome; tool layer: which Odoo, which wire protocol) and read once by {@link RequestTraceFilter}
 * for the request's log line and metrics. Created per request and stored as the request attribute
 * {@link #ATTRIBUTE}; confined to the request's thread. Holds the Odoo URL only to derive the keyed
 * tenant id: {@link #toString()} and the log line never show it.
 */
public final class RequestTrace {

    /** Request attribute under which the filter stores the trace. */
    public static final String ATTRIBUTE = RequestTrace.class.getName();

    /** How a request ended, as a bounded metric tag. */
    public enum Outcome {
        OK,
        TOOL_ERROR,
        PROTOCOL_ERROR,
        HTTP_ERROR;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String requestId;
    private String method = "none";
    private String tool = "none";
    private URI odooUrl;
    private String database;
    private String protocol = "none";
    private Outcome outcome;
    private Integer errorCode;

    RequestTrace(String requestId) {
        this.requestId = requestId;
    }

    /** The trace the filter attached to this request, or a detached one nobody reads (tests, other paths). */
    public static RequestTrace of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof RequestTrace trace ? trace : detached();
    }

    /** A trace that is not attached to any request. */
    public static RequestTrace detached() {
        return new RequestTrace(UUID.randomUUID().toString());
    }

    public String requestId() {
        return requestId;
    }

    /** The MCP method, already reduced to a bounded set by the caller (unknown ones as "unknown"). */
    public void method(String method) {
        this.method = method;
    }

    /** The tool name from the fixed catalog, or "unknown". */
    public void tool(String tool) {
        this.tool = tool;
    }

    /** Which Odoo the request's credentials named; turned into a keyed tenant id, never shown. */
    public void odooTarget(URI url, String database) {
        this.odooUrl = url;
        this.database = database;
    }

    /** The wire protocol the request's Odoo calls used, when one was chosen, as its lower-case enum name. */
    public void protocol(Optional<String> protocolTag) {
        protocolTag.ifPresent(p -> this.protocol = p);
    }

    public void ok() {
        outcome = Outcome.OK;
        errorCode = null;
    }

    /** The tool ran and answered {@code isError: true}. */
    public void toolError() {
        outcome = Outcome.TOOL_ERROR;
    }

    /** The request was answered with a JSON-RPC error of this code. */
    public void protocolError(int code) {
        outcome = Outcome.PROTOCOL_ERROR;
        errorCode = code;
    }

    String method() {
        return method;
    }

    String tool() {
        return tool;
    }

    String protocolTag() {
        return protocol;
    }

    /** The keyed tenant id, or null when the request named no (valid) Odoo. */
    String tenant(java.util.function.BiFunction<URI, String, String> ids) {
        return odooUrl == null ? null : ids.apply(odooUrl, database);
    }

    Integer errorCode() {
        return errorCode;
    }

    /** The recorded outcome; a request that recorded none is judged by its HTTP status. */
    Outcome outcome(int httpStatus) {
        if (httpStatus >= 400 && outcome != Outcome.PROTOCOL_ERROR) {
            return Outcome.HTTP_ERROR;
        }
        if (outcome != null) {
            return outcome;
        }
        return httpStatus < 300 ? Outcome.OK : Outcome.HTTP_ERROR;
    }

    @Override
    public String toString() {
        return "RequestTrace[id=" + requestId + ", method=" + method + ", tool=" + tool + ", outcome=" + outcome + "]";
    }
}
