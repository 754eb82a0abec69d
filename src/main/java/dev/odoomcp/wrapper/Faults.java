package dev.odoomcp.wrapper;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Words for everything that can go wrong between the wrapper and the server: what happened and
 * what the user should do, naming the environment variable to fix. Never a header value.
 */
final class Faults {

    /** JSON-RPC "Parse error": a stdin line that is not JSON. */
    static final int PARSE_ERROR = -32700;
    /** JSON-RPC "Invalid Request": JSON that is not a message object. */
    static final int INVALID_REQUEST = -32600;
    /** JSON-RPC "Internal error": used for every transport fault, with a message saying which. */
    static final int INTERNAL_ERROR = -32603;

    private final URI endpoint;
    private final Duration timeout;
    private final boolean hasToken;

    Faults(URI endpoint, Duration timeout, boolean hasToken) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.hasToken = hasToken;
    }

    String timedOut() {
        return "No answer from the MCP server at " + endpoint + " within " + seconds(timeout) + " s. Try again;"
                + " if the operation is slow, raise " + WrapperConfig.TIMEOUT_VAR + ".";
    }

    /** A failure before any answer arrived; {@code cause} is the exception the HTTP client gave. */
    String unreachable(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "Cannot connect to the MCP server at " + endpoint + ": the connection timed out. Check "
                    + WrapperConfig.SERVER_URL_VAR + " and your network.";
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut();
        }
        if (has(cause, UnresolvedAddressException.class) || has(cause, UnknownHostException.class)) {
            return "Cannot find the MCP server host '" + endpoint.getHost() + "'. Check " + WrapperConfig.SERVER_URL_VAR
                    + " for typos.";
        }
        if (has(cause, ConnectException.class)) {
            return "Cannot connect to the MCP server at " + endpoint + " (connection refused). Check "
                    + WrapperConfig.SERVER_URL_VAR + " and that the server is running.";
        }
        if (has(cause, SSLException.class)) {
            return "Secure connection to the MCP server at " + endpoint + " failed (TLS). Check that "
                    + WrapperConfig.SERVER_URL_VAR + " uses the right scheme (https/http) and that the server's"
                    + " certificate is valid.";
        }
        return "Lost the connection to the MCP server at " + endpoint + " ("
                + cause.getClass().getSimpleName() + "). Try again; if it keeps failing, check "
                + WrapperConfig.SERVER_URL_VAR + ".";
    }

    /** A non-2xx answer without a usable JSON-RPC body. */
    String status(int status, String location) {
        if (status == 401) {
            return hasToken
                    ? "The MCP server rejected the access token (HTTP 401). Check " + WrapperConfig.TOKEN_VAR
                            + " in your MCP client configuration."
                    : "The MCP server requires an access token (HTTP 401). Set " + WrapperConfig.TOKEN_VAR
                            + " in your MCP client configuration.";
        }
        if (status == 403) {
            return "The MCP server refused the request (HTTP 403). Check " + WrapperConfig.TOKEN_VAR
                    + "; if it is right, ask the server's operator whether this client is allowed.";
        }
        if (status == 404) {
            return "No MCP endpoint at " + endpoint + " (HTTP 404). Check " + WrapperConfig.SERVER_URL_VAR
                    + ": it should be the server's address, e.g. https://mcp.example.com.";
        }
        if (status >= 300 && status < 400) {
            return "The MCP server at " + endpoint + " redirects (HTTP " + status + ")"
                    + (location == null ? "" : " to " + location) + ". Set " + WrapperConfig.SERVER_URL_VAR
                    + " to the address it redirects to.";
        }
        if (status >= 500) {
            return "The MCP server failed (HTTP " + status + "). Try again later; if it keeps failing, tell"
                    + " the server's operator.";
        }
        return "The MCP server rejected the request (HTTP " + status + "). Check that " + WrapperConfig.SERVER_URL_VAR
                + " points at the Odoo MCP Bridge and that this wrapper is up to date.";
    }

    String garbage(int status, String contentType) {
        return "The MCP server's answer is not JSON-RPC (HTTP " + status + ", content type "
                + (contentType.isEmpty() ? "none" : contentType) + "). Check that " + WrapperConfig.SERVER_URL_VAR
                + " points at the Odoo MCP Bridge and not at a web page or proxy.";
    }

    String tooLarge(long limit) {
        return "The MCP server's answer is larger than " + (limit >> 20) + " MiB; the wrapper refuses it."
                + " Ask for less data (a smaller limit or fewer fields).";
    }

    String noAnswer(int status) {
        return "The MCP server ended its answer (HTTP " + status + ") without responding to this request."
                + " Try again; if it keeps happening, tell the server's operator.";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0
                ? Long.toString(millis / 1000)
                : String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
