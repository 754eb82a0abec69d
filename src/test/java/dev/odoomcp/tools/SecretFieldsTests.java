package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FieldSpec;
import dev.odoomcp.testing.McpClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Fields whose names look like secrets are never shown, written, searched, sorted or grouped on. */
@ToolsServerTest
class SecretFieldsTests extends FakeOdooToolsTest {

    static final String SECRET = "sk-live-4f9a8b7c6d5e";

    /** Hides the base class's start-up: this class needs extra data in the fakes. */
    @BeforeAll
    static void startOdoo() {
        fakes = Fakes.start(spec -> spec.model(
                        "res.partner",
                        m -> m.field(FieldSpec.of("x_api_key", "char").string("API Key")))
                .model(
                        "res.users",
                        m -> m.field(FieldSpec.of("password", "char"))
                                .field(FieldSpec.of("oauth_access_token", "char"))));
        for (Flavor flavor : Flavor.values()) {
            fakes.get(flavor).inspect(Flavor.DB, "res.partner", r -> {
                r.browse("res.partner", List.of(9L)).write(Map.of("x_api_key", SECRET));
                r.browse("res.users", List.of(2L)).write(Map.of("password", SECRET, "oauth_access_token", SECRET));
                return null;
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void secretsAreNeverInResults(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        JsonNode partners = mcp.call("search_records", "{\"model\": \"res.partner\", \"domain\": [[\"id\", \"=\", 9]]}")
                .ok();
        assertThat(partners.path("records").path(0).has("x_api_key")).isFalse();
        JsonNode users =
                mcp.call("search_records", "{\"model\": \"res.users\"}").ok();
        assertThat(users.toString()).doesNotContain(SECRET, "password", "oauth_access_token");
        JsonNode described =
                mcp.call("describe_model", "{\"model\": \"res.users\"}").ok();
        assertThat(described.toString()).doesNotContain("password", "oauth_access_token");
        JsonNode raw = mcp.call(
                        "call_method",
                        "{\"model\": \"res.partner\", \"method\": \"search_read\", "
                                + "\"kwargs\": {\"domain\": [[\"id\", \"=\", 9]]}}")
                .ok();
        assertThat(raw.toString()).contains("Wood Corner").doesNotContain(SECRET, "x_api_key");
        JsonNode read = mcp.call("call_method", "{\"model\": \"res.users\", \"method\": \"read\", \"ids\": [2]}")
                .ok();
        assertThat(read.toString()).contains("Mitchell Admin").doesNotContain(SECRET);
        JsonNode resource = mcp.result("resources/read", "{\"uri\": \"odoo://res.partner/9\"}");
        assertThat(resource.toString()).contains("Wood Corner").doesNotContain(SECRET, "x_api_key");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void secretsAreRefusedEverywhereAndNothingReachesOdoo(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        mcp.call("describe_model", "{\"model\": \"res.partner\"}").ok();
        mcp.call("describe_model", "{\"model\": \"purchase.order\"}").ok();
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        List<String> refused = List.of(
                call(mcp, "search_records", "{\"model\": \"res.partner\", \"fields\": [\"name\", \"x_api_key\"]}"),
                call(mcp, "read_records", "{\"model\": \"res.partner\", \"ids\": [9], \"fields\": \"x_api_key\"}"),
                call(
                        mcp,
                        "search_records",
                        "{\"model\": \"res.partner\", \"domain\": [[\"x_api_key\", \"!=\", false]]}"),
                call(
                        mcp,
                        "count_records",
                        "{\"model\": \"purchase.order\", \"domain\": " + "[[\"user_id.password\", \"like\", \"a%\"]]}"),
                call(mcp, "search_records", "{\"model\": \"res.partner\", \"order\": \"x_api_key desc\"}"),
                call(mcp, "aggregate_records", "{\"model\": \"res.partner\", \"group_by\": [\"x_api_key\"]}"),
                call(
                        mcp,
                        "aggregate_records",
                        "{\"model\": \"res.partner\", \"group_by\": [\"name\"], " + "\"order\": \"x_api_key desc\"}"),
                call(
                        mcp,
                        "create_record",
                        "{\"model\": \"res.partner\", \"values\": {\"name\": \"x\", " + "\"x_api_key\": \"stolen\"}}"),
                call(
                        mcp,
                        "update_records",
                        "{\"model\": \"res.partner\", \"ids\": [9], \"values\": " + "{\"x_api_key\": \"stolen\"}}"),
                call(
                        mcp,
                        "create_record",
                        "{\"model\": \"res.partner\", \"values\": {\"name\": \"x\", "
                                + "\"child_ids\": [[0, 0, {\"name\": \"y\", \"x_api_key\": \"stolen\"}]]}}"),
                call(
                        mcp,
                        "name_search",
                        "{\"model\": \"res.partner\", \"name\": \"a\", \"domain\": "
                                + "[[\"x_api_key\", \"=like\", \"sk%\"]]}"),
                call(
                        mcp,
                        "call_method",
                        "{\"model\": \"res.partner\", \"method\": \"search_count\", \"kwargs\": "
                                + "{\"domain\": [[\"x_api_key\", \"=like\", \"sk%\"]]}}"),
                call(
                        mcp,
                        "call_method",
                        "{\"model\": \"res.partner\", \"method\": \"write\", \"ids\": [9], "
                                + "\"kwargs\": {\"vals\": {\"x_api_key\": \"stolen\"}}}"));
        assertThat(refused).allSatisfy(message -> assertThat(message).contains("looks like a secret"));
        assertThat(odoo.calls()).isEmpty();
    }

    private static String call(McpClient mcp, String tool, String arguments) {
        return mcp.call(tool, arguments).error();
    }
}
