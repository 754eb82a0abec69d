package dev.odoomcp.bench;

import dev.odoomcp.testing.McpClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The HTTP requests the bench sends (built with {@link McpClient}, sent by its own load generator): real MCP (JSON-RPC 2.0 with fresh ids, the Streamable HTTP
 * headers) to the bridge — protocol revision 2025-11-25 without {@code initialize}, which the
 * stateless bridge allows — plus the tenant's Odoo credentials, and a plain XML-RPC call straight
 * to the fake Odoo.
 */
final class McpRequests {

    static final String LEGACY_VERSION = "2025-11-25";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private McpRequests() {}

    /** Credentials of one tenant: its Odoo URL and the bench user. */
    record Tenant(URI odoo, String db, String login, String key) {

        static Tenant bench(URI odoo) {
            return new Tenant(odoo, BenchOdoo.DB, BenchOdoo.LOGIN, BenchOdoo.KEY);
        }

        /** The database with enough contacts for a next page ({@link BenchOdoo#PAGING_DB}). */
        static Tenant paging(URI odoo) {
            return new Tenant(odoo, BenchOdoo.PAGING_DB, BenchOdoo.LOGIN, BenchOdoo.KEY);
        }
    }

    static HttpRequest toolsList(URI mcp, Tenant tenant, long id) {
        return bridge(mcp, tenant, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\"}");
    }

    static HttpRequest toolsCall(URI mcp, Tenant tenant, long id, String tool, String argumentsJson) {
        return bridge(
                mcp,
                tenant,
                "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":" + "{\"name\":\"" + tool
                        + "\",\"arguments\":" + argumentsJson + "}}");
    }

    /** search_records over all 20 contacts: one search_read to Odoo once caches are warm. */
    static HttpRequest searchPartners(URI mcp, Tenant tenant, long id) {
        return toolsCall(mcp, tenant, id, "search_records", "{\"model\":\"res.partner\",\"limit\":50}");
    }

    static HttpRequest describe(URI mcp, Tenant tenant, long id, String model) {
        return toolsCall(mcp, tenant, id, "describe_model", "{\"model\":\"" + model + "\"}");
    }

    private static HttpRequest bridge(URI mcp, Tenant tenant, String body) {
        return McpClient.at(mcp.resolve("/"))
                .protocol(LEGACY_VERSION)
                .with(McpClient.odoo(tenant.odoo(), tenant.db(), tenant.login(), tenant.key()))
                .request(body)
                .build();
    }

    /** A POST to the /mcp endpoint {@code mcp} with the standard headers, built by the tests' one MCP client. */
    static HttpRequest.Builder mcpPost(URI mcp, String body) {
        return McpClient.at(mcp.resolve("/")).request(body);
    }

    /** The XML-RPC request the bridge sends for the same search, straight to the fake Odoo. */
    static HttpRequest direct(URI odoo, String path, String contentType, byte[] body) {
        return HttpRequest.newBuilder(odoo.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** A JSON-RPC result (JSON or one SSE event), not an error, and no failed tool call. */
    static boolean isResult(HttpResponse<String> response) {
        String body = response.body();
        return response.statusCode() == 200 && body.contains("\"result\":") && !body.contains("\"isError\":true");
    }

    /** An XML-RPC answer that is not a fault. */
    static boolean isXmlRpcValue(HttpResponse<String> response) {
        return response.statusCode() == 200
                && response.body().contains("<params>")
                && !response.body().contains("<fault>");
    }
}
