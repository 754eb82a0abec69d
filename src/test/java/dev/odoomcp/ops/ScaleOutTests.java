package dev.odoomcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.OdooMcpBridgeApplication;
import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two bridge instances behind no sticky load balancer: one client's requests alternate between
 * them (initialize on one, the rest on the other, and back), for both protocol eras, and every
 * answer is right. Nothing of a client lives in an instance between requests.
 */
class ScaleOutTests {

    private static final String TOKEN = "scale-out-token-7d2e91";
    private static final String KEY = "fake-odoo-api-key-4c9e2a71";
    private static final String COUNT_PARTNERS =
            "{\"name\":\"count_records\",\"arguments\":{\"model\":\"res.partner\"}}";
    private static FakeOdoo odoo;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        odoo = FakeOdoo.builder()
                .version("19.0")
                .database("globex", FakeOdooDatasets.contacts("admin", KEY, 12))
                .start();
        first = instance();
        second = instance();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {second, first, odoo}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static ConfigurableApplicationContext instance() {
        // command-line arguments: they outrank application.yaml's server.port=${PORT:8080}
        return new SpringApplicationBuilder(OdooMcpBridgeApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--mcp.access-token=" + TOKEN,
                        "--mcp.tenant-hash-key=shared-by-all-instances",
                        "--odoo.allow-private-networks=true",
                        "--odoo.allow-http=true");
    }

    private static McpClient client(ConfigurableApplicationContext instance) {
        return McpClient.at(Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")))
                .with(McpClient.odoo(odoo.baseUrl(), "globex", "admin", KEY))
                .with("X-MCP-Token", TOKEN);
    }

    @Test
    void aLegacySessionAlternatingBetweenInstancesNeverFails() {
        List<McpClient> instances = List.of(client(first), client(second));
        assertThat(instances.get(0).base()).isNotEqualTo(instances.get(1).base());
        for (int round = 0; round < 4; round++) {
            McpClient a = instances.get(round % 2);
            McpClient b = instances.get((round + 1) % 2);
            JsonNode init = a.rpc(
                            1,
                            "initialize",
                            "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                                    + "\"clientInfo\":{\"name\":\"scale\",\"version\":\"1\"}}",
                            Map.of())
                    .json();
            assertThat(init.path("result").path("protocolVersion").asString()).isEqualTo("2025-06-18");
            Map<String, String> negotiated = Map.of("MCP-Protocol-Version", "2025-06-18");
            McpClient.Reply initialized =
                    b.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", negotiated);
            assertThat(initialized.status()).isEqualTo(202);
            JsonNode tools = b.rpc(2, "tools/list", "{}", negotiated).json();
            List<String> names = new java.util.ArrayList<>();
            tools.path("result")
                    .path("tools")
                    .forEach(tool -> names.add(tool.path("name").asString()));
            assertThat(names).contains("count_records", "search_records");
            JsonNode count = a.rpc(3, "tools/call", COUNT_PARTNERS, negotiated).json();
            assertThat(count.path("result")
                            .path("structuredContent")
                            .path("count")
                            .asInt())
                    .as(count.toString())
                    .isEqualTo(12);
            JsonNode again = b.rpc(4, "tools/call", COUNT_PARTNERS, negotiated).json();
            assertThat(again.path("result").path("isError").asBoolean(false))
                    .as(again.toString())
                    .isFalse();
        }
    }

    @Test
    void statelessRequestsAlternatingBetweenInstancesNeverFail() {
        List<McpClient> instances = List.of(client(first), client(second));
        for (int round = 0; round < 6; round++) {
            McpClient instance = instances.get(round % 2);
            JsonNode discover = stateless(instance, 1, "server/discover", "", null);
            assertThat(discover.path("result").path("supportedVersions").toString())
                    .contains("2026-07-28");
            JsonNode count = stateless(
                    instances.get((round + 1) % 2),
                    2,
                    "tools/call",
                    "\"name\":\"count_records\",\"arguments\":{\"model\":\"res.partner\"}",
                    "count_records");
            assertThat(count.path("result")
                            .path("structuredContent")
                            .path("count")
                            .asInt())
                    .as(count.toString())
                    .isEqualTo(12);
        }
    }

    private static JsonNode stateless(McpClient client, int id, String method, String params, String name) {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MCP-Protocol-Version", "2026-07-28");
        headers.put("Mcp-Method", method);
        if (name != null) {
            headers.put("Mcp-Name", name);
        }
        return client.rpc(id, method, params.isEmpty() ? "{" + meta + "}" : "{" + params + "," + meta + "}", headers)
                .json();
    }
}
