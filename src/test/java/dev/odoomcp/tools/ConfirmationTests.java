package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.odoo.OdooCredentials;
import dev.odoomcp.security.Sealer;
import dev.odoomcp.security.SealingKeys;
import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import dev.odoomcp.testing.UserSpec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two-step confirmation ({@code ODOO_MCP_CONFIRM=destructive}, the default) through /mcp on every
 * flavor, for clients without form elicitation (2025-11-25): the first call sends Odoo nothing but one
 * bounded read and answers a preview with a token; only the second call with the token changes data; every
 * token that does not hold is refused before anything reaches Odoo.
 */
@ToolsServerTest
@TestPropertySource(properties = "odoo-mcp.confirm-keys=k1:" + ConfirmationTests.KEY)
class ConfirmationTests extends FakeOdooToolsTest {

    static final String KEY = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    static final String DEMO_KEY = "key-demo-0123456789";

    @BeforeAll
    static void startOdoo() {
        fakes = Fakes.start(spec -> spec.user(UserSpec.of("demo", DEMO_KEY, 6).name("Marc Demo")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void deleteShowsAPreviewAndUnlinksOnlyWithTheToken(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        FakeOdoo odoo = fakes.get(flavor);
        long id = mcp.call("create_record", "{\"model\": \"res.partner\", \"values\": {\"name\": \"Temp Co\"}}")
                .ok()
                .path("id")
                .asLong();
        odoo.clearCalls();
        String args = "{\"model\": \"res.partner\", \"ids\": [" + id + ", 404]}";
        McpClient.ToolResult first = mcp.call("delete_records", args);
        assertThat(first.text())
                .startsWith("Confirmation needed; nothing has been changed in Odoo yet.")
                .contains(
                        "Delete 2 records of res.partner permanently",
                        "Temp Co (#" + id + ")",
                        "404",
                        "confirmation_token");
        JsonNode pending = first.pending();
        assertThat(pending.path("tool").asString()).isEqualTo("delete_records");
        assertThat(pending.path("preview").path("records").toString())
                .isEqualTo("[{\"id\":" + id + ",\"display_name\":\"Temp Co\"}]");
        assertThat(pending.path("preview").path("missing_ids").toString()).isEqualTo("[404]");
        assertThat(Instant.parse(pending.path("expires_at").asString()))
                .isAfter(Instant.now().plusSeconds(200));
        assertThat(odoo.calls()).extracting(FakeOdoo.Call::method).containsOnly("search_read");
        assertThat(odoo.callsTo("res.partner", "search_read")).hasSize(1);

        String token = pending.path("confirmation_token").asString();
        ObjectNode confirmed = (ObjectNode) McpClient.JSON.readTree(args);
        confirmed.put("confirmation_token", token);
        String confirmedArgs = McpClient.JSON.writeValueAsString(confirmed);
        JsonNode deleted = mcp.call("delete_records", confirmedArgs).ok();
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        List<FakeOdoo.Call> unlinks = odoo.callsTo("res.partner", "unlink");
        assertThat(unlinks).hasSize(1);
        assertThat(unlinks.get(0).ids()).containsExactly(id, 404L);
        boolean exists = odoo.inspect(Flavor.DB, "res.partner", r -> r.ids().contains(id));
        assertThat(exists).isFalse();

        odoo.clearCalls();
        assertThat(mcp.call("delete_records", confirmedArgs).error())
                .startsWith("The confirmation token was already used")
                .contains("Nothing was changed in Odoo");
        assertThat(odoo.calls()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void tokensThatDoNotHoldAreRefusedBeforeOdooIsAsked(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        FakeOdoo odoo = fakes.get(flavor);
        String args = "{\"model\": \"res.partner\", \"ids\": [12]}";
        String token = mcp.call("delete_records", args)
                .pending()
                .path("confirmation_token")
                .asString();
        odoo.clearCalls();
        String[] parts = token.split("\\.");
        String flipped = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3].substring(0, 3)
                + (parts[3].charAt(3) == 'A' ? 'B' : 'A') + parts[3].substring(4) + "." + parts[4];
        Map<String, String> refusals = Map.of(
                withToken(args, flipped),
                "is not valid (altered",
                withToken(args, "not-a-token"),
                "is not valid",
                withToken("{\"model\": \"res.partner\", \"ids\": [14]}", token),
                "was issued for other arguments",
                withToken("{\"model\": \"res.partner\", \"ids\": [12], \"company_ids\": [1]}", token),
                "was issued for other arguments",
                withToken(args, expiredToken(flavor, args)),
                "has expired (it is valid for 5 minutes)");
        refusals.forEach(
                (call, reason) -> assertThat(mcp.call("delete_records", call).error())
                        .as(call)
                        .startsWith("The confirmation token")
                        .contains(reason)
                        .contains("Nothing was changed in Odoo. To go ahead, call delete_records again without "
                                + "confirmation_token"));
        assertThat(mcp.call(
                                "call_method",
                                withToken(
                                        "{\"model\": \"res.partner\", \"ids\": [12], \"method\": " + "\"unlink\"}",
                                        token))
                        .error())
                .contains("was issued for the tool delete_records, not call_method");
        McpClient demo = McpClient.at(port)
                .protocol(McpClient.REVISION)
                .with(McpClient.odoo(odoo.baseUrl(), Flavor.DB, "demo", DEMO_KEY))
                .with("X-Odoo-Protocol", flavor.protocol);
        assertThat(demo.call("delete_records", withToken(args, token)).error())
                .contains("was issued to another user or API key");
        assertThat(mcp.call("delete_records", withToken(args, 42)).error())
                .startsWith("Argument 'confirmation_token' must be the string");
        assertThat(odoo.calls()).isEmpty();
        boolean kept = odoo.inspect(Flavor.DB, "res.partner", r -> r.ids().contains(12L));
        assertThat(kept).isTrue();
        // the token itself is still good: nothing above spent it
        assertThat(mcp.call("delete_records", withToken(args, token))
                        .ok()
                        .path("deleted")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aTokenOfAnotherOdooDatabaseIsRefused() {
        String acmeKey = "key-acme-other-0123";
        try (FakeOdoo odoo = FakeOdoo.builder()
                .version("18.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", acmeKey))
                .database("globex", FakeOdooDatasets.demoCompany("globex", "admin", acmeKey))
                .start()) {
            McpClient acme = McpClient.at(port)
                    .protocol(McpClient.REVISION)
                    .with(McpClient.odoo(odoo.baseUrl(), "acme", "admin", acmeKey));
            McpClient globex = acme.with("X-Odoo-Db", "globex");
            String args = "{\"model\": \"res.partner\", \"ids\": [12]}";
            String token = acme.call("delete_records", args)
                    .pending()
                    .path("confirmation_token")
                    .asString();
            odoo.clearCalls();
            assertThat(globex.call("delete_records", withToken(args, token)).error())
                    .contains("was issued for another Odoo database", "Nothing was changed in Odoo");
            assertThat(odoo.calls()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void irreversibleBusinessActionsAskFirstOthersRunAtOnce(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        String cancel = "{\"model\": \"purchase.order\", \"method\": \"button_cancel\", \"ids\": [2]}";
        JsonNode pending = mcp.call("call_method", cancel).pending();
        assertThat(pending.path("preview").path("method").asString()).isEqualTo("button_cancel");
        assertThat(pending.path("preview").path("action").asString())
                .isEqualTo("Run button_cancel on 1 record of purchase.order (a step that cannot simply be undone).");
        assertThat(pending.path("preview")
                        .path("records")
                        .path(0)
                        .path("display_name")
                        .asString())
                .startsWith("P0");
        assertThat(odoo.callsTo("purchase.order", "button_cancel")).isEmpty();
        mcp.call(
                        "call_method",
                        withToken(cancel, pending.path("confirmation_token").asString()))
                .ok();
        assertThat(odoo.callsTo("purchase.order", "button_cancel")).hasSize(1);
        Object state = odoo.inspect(
                Flavor.DB,
                "purchase.order",
                r -> r.browse("purchase.order", List.of(2L)).get("state"));
        assertThat(state).isEqualTo("cancel");
        // confirming an order can be undone (cancel): no question
        mcp.call("call_method", "{\"model\": \"purchase.order\", \"method\": \"button_confirm\", \"ids\": [3]}")
                .ok();
        assertThat(odoo.callsTo("purchase.order", "button_confirm")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void updatesAskFirstOnlyAboveTenRecords(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        FakeOdoo odoo = fakes.get(flavor);
        List<Long> ids = odoo.inspect(Flavor.DB, "res.partner", r -> List.copyOf(r.ids()));
        assertThat(ids.size()).isGreaterThan(11);
        odoo.clearCalls();
        String ten =
                "{\"model\": \"res.partner\", \"ids\": " + ids.subList(0, 10) + ", \"values\": {\"city\": \"Ghent\"}}";
        mcp.call("update_records", ten).ok();
        assertThat(odoo.callsTo("res.partner", "write")).hasSize(1);
        odoo.clearCalls();
        String eleven = "{\"model\": \"res.partner\", \"ids\": " + ids.subList(0, 11) + ", \"values\": {\"city\": "
                + "\"Bruges\"}}";
        McpClient.ToolResult first = mcp.call("update_records", eleven);
        assertThat(first.text()).contains("Set the values below on 11 records of res.partner", "{\"city\":\"Bruges\"}");
        assertThat(odoo.callsTo("res.partner", "write")).isEmpty();
        assertThat(mcp.call(
                                "update_records",
                                "{\"model\": \"res.partner\", \"ids\": " + ids.subList(0, 11)
                                        + ", \"values\": {\"nmae\": \"x\"}}")
                        .error())
                .contains("has no field 'nmae'");
        mcp.call("update_records", withToken(eleven, first.confirmationToken())).ok();
        assertThat(odoo.callsTo("res.partner", "write")).hasSize(1);
        assertThat(odoo.callsTo("res.partner", "write").get(0).ids()).hasSize(11);
    }

    @Test
    void toolsThatMayNeedConfirmationOfferTheTokenArgument() {
        Map<String, JsonNode> tools = new java.util.HashMap<>();
        mcp(Flavor.ODOO_18_XMLRPC).tools().forEach(t -> tools.put(t.path("name").asString(), t));
        for (String name : List.of("delete_records", "update_records", "call_method")) {
            assertThat(tools.get(name)
                            .path("inputSchema")
                            .path("properties")
                            .path("confirmation_token")
                            .path("type")
                            .asString())
                    .as(name)
                    .isEqualTo("string");
            assertThat(tools.get(name).path("inputSchema").path("required").toString())
                    .doesNotContain("confirmation");
            assertThat(tools.get(name).path("description").asString())
                    .contains("This server asks the user to " + "confirm this kind of change");
        }
        assertThat(tools.get("create_record")
                        .path("inputSchema")
                        .path("properties")
                        .has("confirmation_token"))
                .isFalse();
        assertThat(tools.get("search_records")
                        .path("inputSchema")
                        .path("properties")
                        .has("confirmation_token"))
                .isFalse();
    }

    /** A token for exactly this call, sealed with the server's key ten minutes ago: only its age is wrong. */
    private String expiredToken(Flavor flavor, String args) {
        Sealer past = new Sealer(
                SealingKeys.parse(List.of("k1:" + KEY), "test"),
                Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        ConfirmationSeal seal = new ConfirmationSeal(past, null, Duration.ofMinutes(5));
        OdooCredentials credentials = new OdooCredentials(
                URI.create(fakes.get(flavor).baseUrl().toString().replaceAll("/$", "")),
                Flavor.DB,
                Flavor.LOGIN,
                Flavor.KEY,
                Optional.empty());
        return seal.seal(
                        ConfirmationSeal.Kind.TOKEN,
                        ConfirmationSeal.Binding.of(
                                "delete_records",
                                (ObjectNode) McpClient.JSON.readTree(args),
                                credentials,
                                JsonMapper.builder().build()))
                .value();
    }

    static String withToken(String args, Object token) {
        ObjectNode node = (ObjectNode) McpClient.JSON.readTree(args);
        if (token instanceof String text) {
            node.put("confirmation_token", text);
        } else {
            node.put("confirmation_token", (Integer) token);
        }
        return McpClient.JSON.writeValueAsString(node);
    }
}
