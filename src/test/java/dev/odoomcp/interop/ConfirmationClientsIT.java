package dev.odoomcp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The confirmation step ({@code ODOO_MCP_CONFIRM=destructive}, the default) driven by the official TypeScript
 * clients, one per protocol era: {@code @modelcontextprotocol/client} 2.4.0 on 2026-07-28 answers the bridge's
 * input-required result through its elicitation handler and retries by itself; {@code @modelcontextprotocol/sdk}
 * 1.32.2 on 2025-11-25 gets a preview and a confirmation token and calls again with it. Odoo (the strict fake,
 * 19.0 over JSON-2 and 18.0 over XML-RPC) must see {@code unlink} only after the user agreed, and never for a
 * declined or foreign confirmation. Tampered, expired and replayed tokens and request states are refused in
 * {@code ConfirmationTests} and {@code ElicitedConfirmationTests} (the v2 client's manual mode validates an
 * input-required result against the tool's output schema, so it cannot resend one by hand).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "odoo.allow-private-networks=true", "odoo.allow-http=true"})
class ConfirmationClientsIT {

    static final String KEY = "confirm-key-acme-51c2";
    static final String OTHER_KEY = "confirm-key-globex-88ad";
    static FakeOdoo odoo19;
    static FakeOdoo odoo18;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startOdoo() {
        odoo19 = FakeOdoo.builder()
                .version("19.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                .database("globex", FakeOdooDatasets.demoCompany("globex", "admin", OTHER_KEY))
                .start();
        odoo18 = FakeOdoo.builder()
                .version("18.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                .database("globex", FakeOdooDatasets.demoCompany("globex", "admin", OTHER_KEY))
                .start();
    }

    @AfterAll
    static void stopOdoo() {
        odoo19.close();
        odoo18.close();
    }

    @BeforeEach
    void forgetCalls() {
        odoo19.clearCalls();
        odoo18.clearCalls();
    }

    @Test
    void v2ClientAcceptsThroughElicitationAndTheRecordIsDeleted() {
        long id = newPartner(odoo19, "Accepted Co");
        NodeTools.Run run = v2(odoo19, id, Map.of("ANSWER", "accept"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode call = line(run, "auto");
        assertThat(call.path("asked").toString()).contains("Accepted Co");
        assertThat(call.path("isError").asBoolean()).as(run.all()).isFalse();
        assertThat(call.path("structured").path("deleted").asBoolean())
                .as(run.all())
                .isTrue();
        assertThat(unlinked(odoo19)).containsExactly(id);
        assertThat(exists(odoo19, id)).isFalse();
    }

    @Test
    void v2ClientDecliningChangesNothing() {
        long id = newPartner(odoo19, "Declined Co");
        NodeTools.Run run = v2(odoo19, id, Map.of("ANSWER", "decline"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode call = line(run, "auto");
        assertThat(call.path("text").asString()).as(run.all()).containsIgnoringCase("nothing");
        assertThat(unlinked(odoo19)).isEmpty();
        assertThat(exists(odoo19, id)).isTrue();
    }

    @Test
    void v1ClientGetsAPreviewThenDeletesWithTheToken() {
        long id = newPartner(odoo18, "Two Step Co");
        NodeTools.Run run = v1(odoo18, id, Map.of());
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode first = line(run, "first");
        assertThat(first.path("protocol").asString()).isEqualTo("2025-11-25");
        assertThat(first.path("resultType").isMissingNode()
                        || first.path("resultType").isNull())
                .isTrue();
        assertThat(first.path("text").asString()).contains("Two Step Co", "confirmation_token");
        JsonNode second = line(run, "second");
        assertThat(second.path("structured").path("deleted").asBoolean())
                .as(run.all())
                .isTrue();
        assertThat(unlinked(odoo18)).containsExactly(id);
    }

    @Test
    void v1ClientCannotSpendAnotherTenantsToken() {
        long id = newPartner(odoo18, "Foreign Token Co");
        String other = "{\"X-Odoo-Url\":\"" + odoo18.baseUrl() + "\",\"X-Odoo-Db\":\"globex\",\"X-Odoo-Username\":"
                + "\"admin\",\"X-Odoo-Api-Key\":\"" + OTHER_KEY + "\"}";
        NodeTools.Run run = v1(odoo18, id, Map.of("OTHER_HEADERS", other));
        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode second = line(run, "second");
        assertThat(second.path("isError").asBoolean()).as(run.all()).isTrue();
        assertThat(second.path("text").asString()).contains("Nothing was changed");
        assertThat(odoo18.calls()).extracting(FakeOdoo.Call::method).doesNotContain("unlink");
        assertThat(exists(odoo18, id)).isTrue();
        assertThat(run.all()).doesNotContain(KEY).doesNotContain(OTHER_KEY);
    }

    private NodeTools.Run v2(FakeOdoo odoo, long id, Map<String, String> extra) {
        return client("v2", odoo, id, extra);
    }

    private NodeTools.Run v1(FakeOdoo odoo, long id, Map<String, String> extra) {
        return client("v1", odoo, id, extra);
    }

    private NodeTools.Run client(String era, FakeOdoo odoo, long id, Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("MCP_HEADERS", headersJson(odoo));
        env.put("CALL_TOOL", "delete_records");
        env.put("CALL_ARGS", "{\"model\":\"res.partner\",\"ids\":[" + id + "]}");
        NodeTools.Run run = NodeTools.node(Duration.ofMinutes(1), env, "confirm-client.mjs", era, mcpUrl());
        System.out.println("confirm-client " + era + " " + extra.keySet() + ": " + run.all());
        return run;
    }

    private long newPartner(FakeOdoo odoo, String name) {
        McpClient mcp = McpClient.at(port).with(McpClient.odoo(odoo.baseUrl(), "acme", "admin", KEY));
        long id = mcp.call("create_record", "{\"model\":\"res.partner\",\"values\":{\"name\":\"" + name + "\"}}")
                .ok()
                .path("id")
                .asLong();
        odoo.clearCalls();
        return id;
    }

    private static List<Long> unlinked(FakeOdoo odoo) {
        List<Long> ids = new ArrayList<>();
        odoo.callsTo("res.partner", "unlink").forEach(call -> ids.addAll(call.ids()));
        return ids;
    }

    private static boolean exists(FakeOdoo odoo, long id) {
        return odoo.inspect("acme", "res.partner", records -> records.ids().contains(id));
    }

    private static JsonNode line(NodeTools.Run run, String call) {
        return run.stdout()
                .lines()
                .filter(l -> l.startsWith("{"))
                .map(McpClient.JSON::readTree)
                .filter(node -> call.equals(node.path("call").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + call + "' line in: " + run.all()));
    }

    private static String headersJson(FakeOdoo odoo) {
        return "{\"X-Odoo-Url\":\"" + odoo.baseUrl() + "\",\"X-Odoo-Db\":\"acme\",\"X-Odoo-Username\":\"admin\","
                + "\"X-Odoo-Api-Key\":\"" + KEY + "\"}";
    }

    private String mcpUrl() {
        return "http://127.0.0.1:" + port + "/mcp";
    }
}
