package dev.odoomcp.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Clients of the reference server ({@code @modelcontextprotocol/server-everything}, Streamable HTTP,
 * stateful): each client initializes its own session once, as a real MCP client does, and then
 * sends its requests with that session's {@code Mcp-Session-Id}.
 */
final class ReferenceSessions {

    private final URI mcp;
    private final String[] sessions;
    private final String protocolVersion;

    private ReferenceSessions(URI mcp, String[] sessions, String protocolVersion) {
        this.mcp = mcp;
        this.sessions = sessions;
        this.protocolVersion = protocolVersion;
    }

    static ReferenceSessions open(URI mcp, int clients, LoadGenerator load) {
        String[] sessions = new String[clients];
        String version = McpRequests.LEGACY_VERSION;
        for (int c = 0; c < clients; c++) {
            HttpResponse<String> init = load.exchange(McpRequests.mcpPost(
                            mcp,
                            "{\"jsonrpc\":\"2.0\",\"id\":0,"
                                    + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version + "\","
                                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"odoo-mcp-bench\",\"version\":\"1\"}}}")
                    .build());
            sessions[c] = init.headers()
                    .firstValue("mcp-session-id")
                    .orElseThrow(() -> new IllegalStateException(
                            "The reference server gave no session id: HTTP " + init.statusCode() + " " + init.body()));
            HttpResponse<String> initialized = load.exchange(
                    McpRequests.mcpPost(mcp, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                            .header("Mcp-Session-Id", sessions[c])
                            .header("MCP-Protocol-Version", version)
                            .build());
            if (initialized.statusCode() / 100 != 2) {
                throw new IllegalStateException("notifications/initialized: HTTP " + initialized.statusCode());
            }
        }
        return new ReferenceSessions(mcp, sessions, version);
    }

    HttpRequest toolsList(int client, long id) {
        return McpRequests.mcpPost(mcp, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\"}")
                .header("Mcp-Session-Id", sessions[client % sessions.length])
                .header("MCP-Protocol-Version", protocolVersion)
                .build();
    }
}
