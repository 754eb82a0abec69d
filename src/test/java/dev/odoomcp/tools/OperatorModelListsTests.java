package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.McpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.TestPropertySource;

/** The operator's {@code odoo-mcp.denied-models} and {@code odoo-mcp.allowed-models} (with wildcards). */
@ToolsServerTest
@TestPropertySource(
        properties = {
            "odoo-mcp.denied-models=hr.*,sale.order",
            "odoo-mcp.allowed-models=res.*,product.*,stock.*,hr.*,sale.*,ir.model"
        })
class OperatorModelListsTests extends FakeOdooToolsTest {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void deniedWinsOverAllowedAndOnlyAllowedModelsAreReachable(Flavor flavor) {
        McpClient mcp = fakes.client(port, flavor);
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        assertThat(mcp.call("search_records", "{\"model\": \"hr.employee\"}").error())
                .contains("Model 'hr.employee' is not available", "blocked by the server administrator");
        assertThat(mcp.call(
                                "update_records",
                                "{\"model\": \"hr.employee\", \"ids\": [1], \"values\": {\"name\": \"x\"}}")
                        .error())
                .contains("not available");
        assertThat(mcp.call("count_records", "{\"model\": \"sale.order\"}").error())
                .contains("not available");
        assertThat(mcp.call("search_records", "{\"model\": \"purchase.order\"}").error())
                .contains("not on this server's list of allowed models");
        assertThat(mcp.call("create_record", "{\"model\": \"purchase.order\", \"values\": {\"partner_id\": 9}}")
                        .error())
                .contains("not on this server's list of allowed models");
        assertThat(odoo.calls()).isEmpty();
        assertThat(mcp.call("count_records", "{\"model\": \"sale.order.line\"}")
                        .ok()
                        .path("count")
                        .asInt())
                .isEqualTo(6);
        assertThat(mcp.call("count_records", "{\"model\": \"res.partner\"}")
                        .ok()
                        .path("count")
                        .asInt())
                .isEqualTo(18);
        assertThat(mcp.call("list_models", "{\"limit\": 500}")
                        .ok()
                        .path("models")
                        .findValuesAsString("model"))
                .contains("res.partner", "stock.quant", "sale.order.line")
                .doesNotContain("hr.employee", "sale.order", "purchase.order", "ir.config_parameter");
    }
}
