package dev.odoomcp.mcp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The page a person sees who opens the MCP endpoint in a browser: what the URL is for and how to
 * connect a client. Self-contained (no scripts, styles or images from anywhere) and sent with a
 * policy that forbids loading any.
 */
final class EndpointPage {

    private static final byte[] HTML = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Odoo MCP Bridge</title></head>
            <body>
            <h1>Odoo MCP Bridge</h1>
            <p>This address is the endpoint of an MCP server (Model Context Protocol, Streamable HTTP). It is
            meant for AI clients, which send it JSON-RPC messages with <code>POST</code>; a browser cannot use it.</p>
            <h2>Connecting a client</h2>
            <ul>
            <li>Add this URL as a remote (HTTP) MCP server in your AI client.</li>
            <li>Send your own Odoo credentials as headers on every request: <code>X-Odoo-Url</code>,
            <code>X-Odoo-Db</code>, <code>X-Odoo-Username</code> and <code>X-Odoo-Api-Key</code>
            (an API key from your Odoo preferences, under Account Security).</li>
            <li>If the server's administrator gave you an access token, send it as <code>X-MCP-Token</code>.</li>
            <li>A client that only starts local programs (Claude Desktop) uses the stdio wrapper,
            <code>odoo-mcp-wrapper.jar</code>, with <code>MCP_SERVER_URL</code> set to this server.</li>
            </ul>
            <p>The server's status is at <a href="/health">/health</a>.</p>
            </body></html>
            """.getBytes(StandardCharsets.UTF_8);

    private EndpointPage() {}

    /** Whether the {@code Accept} header asks for HTML by name (a browser), not just for anything. */
    static boolean wanted(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(t -> t.isCompatibleWith(MediaType.TEXT_HTML) && !t.isWildcardType());
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static ResponseEntity<byte[]> answer(ResponseEntity.BodyBuilder status) {
        return status.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .body(HTML);
    }
}
