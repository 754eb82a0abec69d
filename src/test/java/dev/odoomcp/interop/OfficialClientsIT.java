package dev.odoomcp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clients nobody here wrote, driving the real server against a fake Odoo on loopback: the official
 * TypeScript SDK client (Streamable HTTP), the Inspector CLI, and mcp-remote (in both protocol eras).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "odoo.allow-private-networks=true", "odoo.allow-http=true"})
class OfficialClientsIT {

    static final String KEY = "interop-key-acme-7d1f";
    static FakeOdoo odoo18;
    static FakeOdoo odoo19;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startOdoo() {
        odoo18 = FakeOdoo.builder()
                .version("18.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                .start();
        odoo19 = FakeOdoo.builder()
                .version("19.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                .start();
    }

    @AfterAll
    static void stopOdoo() {
        odoo18.close();
        odoo19.close();
    }

    @ParameterizedTest(name = "Odoo {0}")
    @ValueSource(strings = {"18.0", "19.0"})
    void officialSdkClientListsAndCallsTools(String version) {
        FakeOdoo odoo = "18.0".equals(version) ? odoo18 : odoo19;
        Map<String, String> env = new HashMap<>(Map.of(
                "MCP_HEADERS",
                "{\"X-Odoo-Url\":\"" + odoo.baseUrl()
                        + "\",\"X-Odoo-Db\":\"acme\",\"X-Odoo-Username\":\"admin\",\"X-Odoo-Api-Key\":\"" + KEY + "\"}",
                "CALL_TOOL",
                "name_search",
                "CALL_ARGS",
                "{\"model\":\"res.partner\",\"name\":\"Wood\"}",
                "EXPECT_TEXT",
                "Wood Corner"));
        NodeTools.Run run = NodeTools.node(Duration.ofMinutes(1), env, "mcp-client.mjs", "http", mcpUrl());
        System.out.println("sdk client, Odoo " + version + ": " + run.all());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("\"server\":\"odoo-mcp-bridge\"", "search_records", "create_record");
        assertThat(odoo.callsTo("res.partner", "name_search")).isNotEmpty();
    }

    @Test
    void officialSdkClientGetsAToolErrorWithoutCredentials() {
        NodeTools.Run run = NodeTools.node(
                Duration.ofMinutes(1),
                Map.of(
                        "CALL_TOOL",
                        "count_records",
                        "CALL_ARGS",
                        "{\"model\":\"res.partner\"}",
                        "EXPECT_TOOL_ERROR",
                        "1",
                        "EXPECT_TEXT",
                        "X-Odoo-Url"),
                "mcp-client.mjs",
                "http",
                mcpUrl());
        assertThat(run.exitCode()).as(run.all()).isZero();
    }

    @Test
    void inspectorCliListsToolsWithPortableSchemasAndCallsOne() {
        NodeTools.Run list = inspector("--method", "tools/list", "--strict");
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.stdout()).contains("\"aggregate_records\"", "\"call_method\"");
        assertThat(list.stderr()).doesNotContain("Warning").doesNotContain("Error");

        NodeTools.Run call = inspector(
                "--method",
                "tools/call",
                "--tool-name",
                "count_records",
                "--tool-arg",
                "model=stock.warehouse",
                "--header",
                "X-Odoo-Url: " + odoo18.baseUrl(),
                "--header",
                "X-Odoo-Db: acme",
                "--header",
                "X-Odoo-Username: admin",
                "--header",
                "X-Odoo-Api-Key: " + KEY);
        System.out.println("inspector tools/call: " + call.all());
        assertThat(call.exitCode()).as(call.all()).isZero();
        assertThat(call.stdout()).contains("\"count\": 2").doesNotContain(KEY);
    }

    @ParameterizedTest(name = "--protocol {0}")
    @ValueSource(strings = {"legacy", "auto"})
    void mcpRemoteBridgesStdioToTheServerWithHeaders(String protocol) {
        Map<String, String> env = Map.of(
                "ODOO_URL",
                odoo19.baseUrl().toString(),
                "ODOO_KEY",
                KEY,
                "CALL_TOOL",
                "search_records",
                "CALL_ARGS",
                "{\"model\":\"stock.warehouse\",\"fields\":[\"name\",\"code\"]}",
                "EXPECT_TEXT",
                "Main Store",
                "MCP_REMOTE_CONFIG_DIR",
                System.getProperty("java.io.tmpdir"));
        NodeTools.Run run = NodeTools.node(
                Duration.ofMinutes(1),
                env,
                "mcp-client.mjs",
                "stdio",
                NodeTools.node().toString(),
                NodeTools.module("mcp-remote/dist/proxy.js"),
                mcpUrl(),
                "--transport",
                "http-only",
                "--protocol",
                protocol,
                "--header",
                "X-Odoo-Url:${ODOO_URL}",
                "--header",
                "X-Odoo-Db:acme",
                "--header",
                "X-Odoo-Username:admin",
                "--header",
                "X-Odoo-Api-Key:${ODOO_KEY}");
        System.out.println("mcp-remote --protocol " + protocol + ": " + run.stdout());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("Main Store");
    }

    private NodeTools.Run inspector(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                NodeTools.node().toString(),
                NodeTools.module("@modelcontextprotocol/inspector/clients/launcher/build/index.js"),
                "--cli",
                mcpUrl(),
                "--transport",
                "http"));
        command.addAll(List.of(args));
        return NodeTools.run(command, Map.of(), Duration.ofMinutes(1));
    }

    private String mcpUrl() {
        return "http://127.0.0.1:" + port + "/mcp";
    }
}
