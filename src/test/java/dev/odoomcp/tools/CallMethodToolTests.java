package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.McpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** call_method through /mcp on every flavor: business actions, wizards, None results and refusals. */
@ToolsServerTest
class CallMethodToolTests extends FakeOdooToolsTest {

    /** Hides the base class's start-up: this class needs extra data in the fakes. */
    @BeforeAll
    static void startOdoo() {
        fakes = Fakes.start(spec -> spec.method("purchase.order", "action_create_invoice_wizard", (records, kwargs) -> {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("type", "ir.actions.act_window");
            action.put("name", "Create Bill");
            action.put("res_model", "purchase.bill.wizard");
            action.put("view_mode", "form");
            action.put("target", "new");
            action.put("res_id", false);
            action.put("views", List.of(List.of(false, "form")));
            action.put("context", Map.of("default_order_id", records.ids().get(0), "active_model", "purchase.order"));
            return action;
        }));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void businessActionRunsOnTheRecords(Flavor flavor) {
        JsonNode result = mcp(flavor)
                .call("call_method", "{\"model\": \"sale.order\", \"method\": \"action_confirm\", " + "\"ids\": [2]}")
                .ok();
        assertThat(result.path("result").asBoolean()).isTrue();
        assertThat(result.has("action")).isFalse();
        Object state = fakes.get(flavor)
                .inspect(
                        Flavor.DB,
                        "sale.order",
                        r -> r.browse("sale.order", List.of(2L)).get("state"));
        assertThat(state).isEqualTo("sale");
        String again = mcp(flavor)
                .call("call_method", "{\"model\": \"sale.order\", \"method\": \"action_confirm\", " + "\"ids\": [2]}")
                .error();
        assertThat(again).contains("Unable to change the state").doesNotContain("Traceback");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void windowActionBecomesActionAndNextStep(Flavor flavor) {
        JsonNode result = mcp(flavor)
                .call(
                        "call_method",
                        "{\"model\": \"purchase.order\", \"method\": "
                                + "\"action_create_invoice_wizard\", \"ids\": [1]}")
                .ok();
        assertThat(result.path("result").isNull()).isTrue();
        JsonNode action = result.path("action");
        assertThat(action.path("res_model").asString()).isEqualTo("purchase.bill.wizard");
        assertThat(action.path("target").asString()).isEqualTo("new");
        assertThat(action.has("res_id")).as("false res_id is left out").isFalse();
        assertThat(action.path("context").path("default_order_id").asInt()).isEqualTo(1);
        assertThat(result.path("next_step").asString()).contains("create_record on 'purchase.bill.wizard'");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aMethodReturningNoneIsASuccess(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        mcp.call(
                        "update_records",
                        "{\"model\": \"res.partner\", \"ids\": [17], \"values\": {\"company_type\": \"company\"}}")
                .ok();
        JsonNode result = mcp.call(
                        "call_method",
                        "{\"model\": \"res.partner\", \"method\": \"onchange_company_type\", " + "\"ids\": [17]}")
                .ok();
        assertThat(result.has("result")).isTrue();
        assertThat(result.path("result").isNull()).isTrue();
        Object isCompany = fakes.get(flavor)
                .inspect(
                        Flavor.DB,
                        "res.partner",
                        r -> r.browse("res.partner", List.of(17L)).get("is_company"));
        assertThat(isCompany).isEqualTo(true);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void privateAndDangerousMethodsAreRefusedBeforeOdoo(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        assertThat(mcp.call("call_method", "{\"model\": \"sale.order\", \"method\": \"_action_confirm\", \"ids\": [3]}")
                        .error())
                .contains("only public methods");
        assertThat(mcp.call("call_method", "{\"model\": \"sale.order\", \"method\": \"sudo\"}")
                        .error())
                .isEqualTo("Method 'sudo' is not available through this bridge.");
        assertThat(mcp.call("call_method", "{\"model\": \"res.users\", \"method\": \"reset_password\"}")
                        .error())
                .contains("not available");
        assertThat(mcp.call("call_method", "{\"model\": \"sale.order\", \"method\": \"action confirm\"}")
                        .error())
                .contains("only public methods");
        assertThat(mcp.call(
                                "call_method",
                                "{\"model\": \"sale.order\", \"method\": \"action_confirm\", \"ids\": [3], "
                                        + "\"kwargs\": {\"api_key\": \"x\"}}")
                        .error())
                .contains("looks like a secret");
        assertThat(odoo.calls()).isEmpty();
        String unknown = mcp.call(
                        "call_method", "{\"model\": \"sale.order\", \"method\": \"action_fly\", \"ids\": [3]}")
                .error();
        assertThat(unknown).contains("action_fly").doesNotContain("Traceback");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theCallersArgumentsGoAsGivenAndOdoosRefusalIsClear(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        McpClient.ToolResult named = mcp(flavor)
                .call(
                        "call_method",
                        "{\"model\": \"account.analytic.line\", "
                                + "\"method\": \"write\", \"ids\": [1], \"kwargs\": {\"vals\": {\"unit_amount\": 4}}}");
        FakeOdoo.Call sent = odoo.callsTo("account.analytic.line", "write").get(0);
        assertThat(sent.kwargs()).containsOnlyKeys("vals");
        if (flavor.json2()) {
            assertThat(named.ok().path("result").asBoolean()).isTrue();
        } else {
            // hr_timesheet names it 'values' up to 18.0: Odoo refuses, the bridge says so without a traceback
            assertThat(named.error())
                    .contains("AccountAnalyticLine.write() got an unexpected keyword argument 'vals'")
                    .doesNotContain("Traceback", "File \"");
            JsonNode positional = mcp(flavor)
                    .call(
                            "call_method",
                            "{\"model\": \"account.analytic.line\", "
                                    + "\"method\": \"write\", \"ids\": [1], \"args\": [{\"unit_amount\": 4}]}")
                    .ok();
            assertThat(positional.path("result").asBoolean()).isTrue();
            assertThat(odoo.callsTo("account.analytic.line", "write").get(1).args())
                    .isEqualTo(List.of(Map.of("unit_amount", 4L)));
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void positionalArgumentsWorkOnXmlRpcAndAreExplainedOnJson2(Flavor flavor) {
        McpClient.ToolResult result = mcp(flavor)
                .call(
                        "call_method",
                        "{\"model\": \"res.partner\", \"method\": "
                                + "\"search_count\", \"args\": [[[\"supplier_rank\", \">\", 0]]]}");
        if (flavor.json2()) {
            assertThat(result.error()).contains("named", "JSON-2");
        } else {
            assertThat(result.ok().path("result").asInt()).isEqualTo(4);
        }
        JsonNode named = mcp(flavor)
                .call(
                        "call_method",
                        "{\"model\": \"res.partner\", \"method\": \"search_count\", "
                                + "\"kwargs\": {\"domain\": [[\"supplier_rank\", \">\", 0]]}}")
                .ok();
        assertThat(named.path("result").asInt()).isEqualTo(4);
    }
}
