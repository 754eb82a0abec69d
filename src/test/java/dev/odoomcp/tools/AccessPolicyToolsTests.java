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
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The built-in model deny lists and per-request read-only mode ({@code X-Odoo-Read-Only: true}),
 * proven through /mcp: every refusal happens before anything reaches Odoo.
 */
@ToolsServerTest
class AccessPolicyToolsTests extends FakeOdooToolsTest {

    static final List<String> WRITE_TOOLS = List.of("create_record", "update_records", "delete_records");

    /** Hides the base class's start-up: this class needs extra data in the fakes. */
    @BeforeAll
    static void startOdoo() {
        fakes = Fakes.start(spec -> spec.model(
                        "ir.module.module",
                        "Module",
                        m -> m.field(FieldSpec.of("name", "char").asRequired())
                                .field(FieldSpec.of("state", "selection")
                                        .selection("installed", "Installed", "uninstalled", "Not Installed"))
                                .method("button_immediate_uninstall", (r, kw) -> true)
                                .record(Map.of("name", "purchase", "state", "installed")))
                .model(
                        "ir.actions.server",
                        "Server Action",
                        m -> m.field(FieldSpec.of("name", "char").asRequired())
                                .field(FieldSpec.of("code", "text"))
                                .record(Map.of("name", "Archive partners", "code", "records.action_archive()")))
                .model(
                        "res.users.apikeys",
                        "Users API Keys",
                        m -> m.field(FieldSpec.of("name", "char")).record(Map.of("name", "bridge"))));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void modelsHoldingCredentialsAreRefusedForReadAndWrite(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        for (String model : List.of("res.users.apikeys", "ir.config_parameter")) {
            for (String[] call : new String[][] {
                {"search_records", "{\"model\": \"" + model + "\"}"},
                {"read_records", "{\"model\": \"" + model + "\", \"ids\": [1]}"},
                {"count_records", "{\"model\": \"" + model + "\"}"},
                {"aggregate_records", "{\"model\": \"" + model + "\"}"},
                {"name_search", "{\"model\": \"" + model + "\", \"name\": \"a\"}"},
                {"describe_model", "{\"model\": \"" + model + "\"}"},
                {"create_record", "{\"model\": \"" + model + "\", \"values\": {\"name\": \"x\"}}"},
                {"update_records", "{\"model\": \"" + model + "\", \"ids\": [1], \"values\": {\"name\": \"x\"}}"},
                {"delete_records", "{\"model\": \"" + model + "\", \"ids\": [1]}"},
                {"call_method", "{\"model\": \"" + model + "\", \"method\": \"search_read\"}"},
            }) {
                assertThat(mcp.call(call[0], call[1]).error())
                        .as(call[0] + " " + model)
                        .contains("Model '" + model + "' is not available through this bridge");
            }
        }
        assertThat(mcp.answer("resources/read", "{\"uri\": \"odoo://ir.config_parameter/1\"}")
                        .path("error")
                        .path("message")
                        .asString())
                .contains("not available through this bridge");
        assertThat(odoo.calls()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void codeAndModuleModelsAreReadableButNotWritable(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        FakeOdoo odoo = fakes.get(flavor);
        assertThat(mcp.call("search_records", "{\"model\": \"ir.module.module\", \"fields\": [\"name\", \"state\"]}")
                        .ok()
                        .path("records")
                        .path(0)
                        .path("name")
                        .asString())
                .isEqualTo("purchase");
        assertThat(mcp.call("search_records", "{\"model\": \"ir.actions.server\", \"fields\": [\"name\"]}")
                        .ok()
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        odoo.clearCalls();
        for (String model : List.of("ir.module.module", "ir.actions.server")) {
            assertThat(List.of(
                            mcp.call("create_record", "{\"model\": \"" + model + "\", \"values\": {\"name\": \"x\"}}")
                                    .error(),
                            mcp.call(
                                            "update_records",
                                            "{\"model\": \"" + model
                                                    + "\", \"ids\": [1], \"values\": {\"name\": \"x\"}}")
                                    .error(),
                            mcp.call("delete_records", "{\"model\": \"" + model + "\", \"ids\": [1]}")
                                    .error(),
                            mcp.call(
                                            "call_method",
                                            "{\"model\": \"" + model
                                                    + "\", \"method\": \"button_immediate_uninstall\", "
                                                    + "\"ids\": [1]}")
                                    .error()))
                    .allSatisfy(error -> assertThat(error).contains("can be read but not changed through this bridge"));
        }
        assertThat(odoo.calls()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void readOnlyHeaderHidesAndRefusesWritesForThatRequestOnly(Flavor flavor) {
        McpClient readOnly = mcp(flavor).with("X-Odoo-Read-Only", "true");
        FakeOdoo odoo = fakes.get(flavor);
        List<String> listed = readOnly.toolNames();
        assertThat(listed).contains("search_records", "call_method").doesNotContainAnyElementsOf(WRITE_TOOLS);
        assertThat(mcp(flavor).toolNames()).containsAll(WRITE_TOOLS);
        odoo.clearCalls();
        assertThat(readOnly.call("create_record", "{\"model\": \"res.partner\", \"values\": {\"name\": \"x\"}}")
                        .error())
                .isEqualTo("The tool 'create_record' is disabled in read-only mode. This connection is "
                        + "read-only, so records cannot be created, changed or deleted. Ask the user to make the change "
                        + "in Odoo, or to connect without read-only mode.");
        assertThat(readOnly.call(
                                "call_method",
                                "{\"model\": \"sale.order\", \"method\": \"action_confirm\", " + "\"ids\": [3]}")
                        .error())
                .contains("read-only");
        assertThat(odoo.callsTo("res.partner", "create")).isEmpty();
        assertThat(odoo.callsTo("sale.order", "action_confirm")).isEmpty();
        assertThat(readOnly.call(
                                "call_method",
                                "{\"model\": \"res.partner\", \"method\": \"search_count\", "
                                        + "\"kwargs\": {\"domain\": []}}")
                        .ok()
                        .path("result")
                        .asInt())
                .isGreaterThan(10);
        assertThat(readOnly.call("search_records", "{\"model\": \"sale.order\"}")
                        .ok()
                        .path("total")
                        .asInt())
                .isEqualTo(4);
        assertThat(mcp(flavor).with("X-Odoo-Read-Only", "false").toolNames()).containsAll(WRITE_TOOLS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "yes", "on", "TRUE", " True "})
    void everyUsualTrueWordMakesTheRequestReadOnly(String word) {
        McpClient readOnly = mcp(Flavor.ODOO_18_XMLRPC).with("X-Odoo-Read-Only", word);
        assertThat(readOnly.toolNames()).doesNotContainAnyElementsOf(WRITE_TOOLS);
        assertThat(readOnly.call("delete_records", "{\"model\": \"res.partner\", \"ids\": [9]}")
                        .error())
                .contains("disabled in read-only mode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "no", "off", "false"})
    void everyUsualFalseWordLeavesWritesOn(String word) {
        assertThat(mcp(Flavor.ODOO_18_XMLRPC).with("X-Odoo-Read-Only", word).toolNames())
                .containsAll(WRITE_TOOLS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"y", "enabled", "tru", "2", "readonly"})
    void anUnrecognisedReadOnlyValueIsRefusedNeverTakenAsWritable(String word) {
        FakeOdoo odoo = fakes.get(Flavor.ODOO_18_XMLRPC);
        odoo.clearCalls();
        McpClient unclear = mcp(Flavor.ODOO_18_XMLRPC).with("X-Odoo-Read-Only", word);
        JsonNode refused = unclear.answer(
                "tools/call",
                "{\"name\": \"delete_records\", \"arguments\": {\"model\": " + "\"res.partner\", \"ids\": [9]}}");
        assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(refused.path("error").path("message").asString())
                .startsWith("Header X-Odoo-Read-Only must be true " + "or false");
        assertThat(unclear.answer("tools/list", "{}").path("error").path("code").asInt())
                .isEqualTo(-32602);
        assertThat(odoo.calls()).isEmpty();
    }
}
