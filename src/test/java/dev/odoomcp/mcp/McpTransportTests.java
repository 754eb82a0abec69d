package dev.odoomcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.McpClient;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** HTTP-level rules of the Streamable HTTP transport, checked over a real socket. */
@McpServerTest
class McpTransportTests {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @LocalServerPort
    int port;

    McpClient mcp;

    @BeforeEach
    void client() {
        mcp = McpClient.at(port);
    }

    @Test
    void getAndDeleteAreNotAllowed() {
        for (String method : new String[] {"GET", "DELETE"}) {
            McpClient.Reply reply = mcp.send(HttpRequest.newBuilder(mcp.endpoint())
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Accept", "text/event-stream")
                    .build());
            assertThat(reply.status()).as(method).isEqualTo(405);
            assertThat(reply.headers().allValues("allow")).containsExactly("POST");
        }
    }

    @Test
    void aBrowserOpeningTheEndpointGetsAShortSelfContainedPageWithThe405() {
        McpClient.Reply page = mcp.send(HttpRequest.newBuilder(mcp.endpoint())
                .GET()
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .build());
        assertThat(page.status()).isEqualTo(405);
        assertThat(page.headers().allValues("allow")).containsExactly("POST");
        assertThat(page.headers().allValues("content-type").get(0)).startsWith("text/html");
        assertThat(page.headers().allValues("content-security-policy")).containsExactly("default-src 'none'");
        assertThat(page.body())
                .contains("MCP server", "POST", "X-Odoo-Url", "X-Odoo-Api-Key", "X-MCP-Token", "odoo-mcp-wrapper")
                .doesNotContain("<script", "<link", "<img", "http://", "https://");
        assertThat(page.body().length()).isLessThan(2000);

        McpClient.Reply client = mcp.send(HttpRequest.newBuilder(mcp.endpoint())
                .GET()
                .header("Accept", "*/*")
                .build());
        assertThat(client.status()).isEqualTo(405);
        assertThat(client.body()).isEmpty();
    }

    @Test
    void acceptMustListJsonAndEventStream() {
        assertThat(mcp.post(PING, headers("Accept", "application/json")).status())
                .isEqualTo(406);
        assertThat(mcp.post(PING, headers("Accept", "text/event-stream")).status())
                .isEqualTo(406);
        assertThat(mcp.post(PING, headers("Accept", null)).status()).isEqualTo(406);
        assertThat(mcp.post(PING, headers("Accept", "*/*")).status()).isEqualTo(200);
        McpClient.Reply refused = mcp.post(PING, headers("Accept", "text/html"));
        assertThat(refused.errorCode()).isEqualTo(JsonRpcError.INVALID_REQUEST);
        assertThat(refused.json().path("error").path("message").asString())
                .contains("application/json", "text/event-stream");
    }

    @Test
    void contentTypeMustBeJson() {
        assertThat(mcp.post(PING, headers("Content-Type", "text/plain")).status())
                .isEqualTo(415);
        assertThat(mcp.post(PING, headers("Content-Type", "application/json; charset=utf-8"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void foreignBrowserOriginIsForbiddenButLocalAndAbsentOriginsPass() {
        McpClient.Reply evil = mcp.post(PING, headers("Origin", "http://evil.example.com"));
        assertThat(evil.status()).isEqualTo(403);
        assertThat(evil.json().path("error").path("message").asString()).contains("MCP_ALLOWED_ORIGINS");
        assertThat(mcp.post(PING, headers("Origin", "http://localhost:6274")).status())
                .isEqualTo(200);
        assertThat(mcp.post(PING, headers("Origin", "http://127.0.0.1:" + port)).status())
                .isEqualTo(200);
        assertThat(mcp.post(PING, headers("Origin", "null")).status()).isEqualTo(403);
        assertThat(mcp.post(PING).status()).isEqualTo(200);
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        String big =
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(5000) + "\"}}";
        McpClient.Reply reply = mcp.post(big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().path("error").path("message").asString()).contains("MCP_MAX_REQUEST_SIZE");
    }

    @Test
    void malformedJsonIsAParseError() {
        for (String body : new String[] {"{bad", "", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} trailing"}) {
            McpClient.Reply reply = mcp.post(body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.errorCode()).as(body).isEqualTo(JsonRpcError.PARSE_ERROR);
            assertThat(reply.json().get("id").isNull()).isTrue();
        }
    }

    @Test
    void deeplyNestedJsonIsRefusedCleanly() {
        String deep = "[".repeat(1500) + "]".repeat(1500);
        McpClient.Reply reply = mcp.post(deep);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).doesNotContain("at tools.jackson").doesNotContain("Exception");
    }

    @Test
    void batchesAndInvalidMessagesAreInvalidRequests() {
        String[] invalid = {
            "[" + PING + "]",
            "42",
            "{\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}",
            "{\"jsonrpc\":\"2.0\",\"id\":1}"
        };
        for (String body : invalid) {
            McpClient.Reply reply = mcp.post(body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.errorCode()).as(body).isEqualTo(JsonRpcError.INVALID_REQUEST);
        }
        assertThat(mcp.post("[" + PING + "]")
                        .json()
                        .path("error")
                        .path("message")
                        .asString())
                .contains("batch");
    }

    @Test
    void notificationsAndClientResponsesGet202WithNoBody() {
        McpClient.Reply initialized = mcp.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(initialized.status()).isEqualTo(202);
        assertThat(initialized.body()).isEmpty();
        assertThat(mcp.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3}}")
                        .status())
                .isEqualTo(202);
        assertThat(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}").status())
                .isEqualTo(202);
    }

    @Test
    void noSessionIsEverIssued() {
        McpClient.Reply reply = mcp.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                        + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.hasHeader("Mcp-Session-Id")).isFalse();
        assertThat(reply.headers().allValues("content-type").get(0)).startsWith("application/json");
    }

    @Test
    void unexpectedToolFailureBecomesAnErrorResultWithoutInternals() {
        McpClient.Reply reply = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"aa_fail\",\"arguments\":{}}}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.result().path("isError").asBoolean()).isTrue();
        assertThat(reply.body()).doesNotContain("secret internal detail").doesNotContain("/opt/app");
    }

    private static Map<String, String> headers(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(McpClient.STANDARD);
        headers.put(name, value); // null: the header is not sent
        return headers;
    }
}
