package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.McpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code ODOO_MCP_CONFIRM=off} behaves as before confirmation existed; {@code writes} asks before every change. */
class ConfirmationModesTests {

    @Test
    void settingsAreCheckedAtStartUp() {
        ConfirmationProperties defaults = ConfirmationProperties.defaults();
        assertThat(defaults.mode()).isEqualTo(ConfirmationProperties.Mode.DESTRUCTIVE);
        assertThat(defaults.confirmTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.confirmUpdatesAbove()).isEqualTo(10);
        assertThat(new ConfirmationProperties(" Writes ", null, null, null).mode())
                .isEqualTo(ConfirmationProperties.Mode.WRITES);
        assertThatThrownBy(() -> new ConfirmationProperties("always", null, null, null))
                .hasMessage("ODOO_MCP_CONFIRM must be off, destructive or writes, was 'always'.");
        assertThatThrownBy(() -> new ConfirmationProperties(null, Duration.ofSeconds(5), null, null))
                .hasMessageStartingWith("ODOO_MCP_CONFIRM_TTL must be between 30s and 1h");
        assertThatThrownBy(() -> new ConfirmationProperties(null, null, -1, null))
                .hasMessageStartingWith("ODOO_MCP_CONFIRM_UPDATES_ABOVE must be between 0 and 10000");
        assertThatThrownBy(() -> new ConfirmationProperties(null, null, null, List.of("k1:c2hvcnQ=")))
                .hasMessageStartingWith("ODOO_MCP_CONFIRM_KEYS entry 1 (id k1) must hold exactly 32 bytes")
                .hasMessageNotContaining("c2hvcnQ");
    }

    @Nested
    @ToolsServerTest
    @TestPropertySource(properties = "odoo-mcp.confirm=off")
    class Off extends FakeOdooToolsTest {

        @ParameterizedTest
        @EnumSource(Flavor.class)
        void deletesAndCancelsRunAtOnceAndNoSchemaOffersAToken(Flavor flavor) {
            McpClient mcp = mcp(flavor);
            FakeOdoo odoo = fakes.get(flavor);
            odoo.clearCalls();
            assertThat(mcp.call("delete_records", "{\"model\": \"res.partner\", \"ids\": [12]}")
                            .ok()
                            .path("deleted")
                            .asBoolean())
                    .isTrue();
            assertThat(odoo.callsTo("res.partner", "unlink")).hasSize(1);
            mcp.call("call_method", "{\"model\": \"purchase.order\", \"method\": \"button_cancel\", \"ids\": [2]}")
                    .ok();
            assertThat(odoo.callsTo("purchase.order", "button_cancel")).hasSize(1);
            mcp.tools()
                    .forEach(tool -> assertThat(
                                    tool.path("inputSchema").path("properties").has("confirmation_token"))
                            .as(tool.path("name").asString())
                            .isFalse());
        }
    }

    @Nested
    @ToolsServerTest
    @TestPropertySource(properties = "odoo-mcp.confirm=writes")
    class Writes extends FakeOdooToolsTest {

        @ParameterizedTest
        @EnumSource(Flavor.class)
        void aPlainCreateAsksFirstAndReadsDoNot(Flavor flavor) {
            McpClient mcp = mcp(flavor);
            FakeOdoo odoo = fakes.get(flavor);
            odoo.clearCalls();
            String args = "{\"model\": \"res.partner\", \"values\": {\"name\": \"Asked First\"}}";
            McpClient.ToolResult first = mcp.call("create_record", args);
            assertThat(first.text())
                    .contains("(create_record) on res.partner", "{\"values\":{\"name\":\"Asked First\"}}");
            assertThat(odoo.callsTo("res.partner", "create")).isEmpty();
            JsonNode created = mcp.callConfirmed("create_record", args).ok();
            assertThat(created.path("name").asString()).isEqualTo("Asked First");
            assertThat(odoo.callsTo("res.partner", "create")).hasSize(1);
            assertThat(mcp.call("count_records", "{\"model\": \"res.partner\"}")
                            .ok()
                            .path("count")
                            .asInt())
                    .isPositive();
            // call_method asks for the methods that write, not for those that only read
            assertThat(mcp.call(
                                    "call_method",
                                    "{\"model\": \"purchase.order\", \"method\": \"button_confirm\", "
                                            + "\"ids\": [3]}")
                            .confirmationToken())
                    .isNotNull();
            mcp.call(
                            "call_method",
                            "{\"model\": \"res.partner\", \"method\": \"search_count\", \"kwargs\": {\"domain\": []}}")
                    .ok();
            Map<String, JsonNode> tools = new HashMap<>();
            mcp.tools().forEach(t -> tools.put(t.path("name").asString(), t));
            for (String name : List.of("create_record", "update_records", "delete_records", "call_method")) {
                assertThat(tools.get(name)
                                .path("inputSchema")
                                .path("properties")
                                .has("confirmation_token"))
                        .as(name)
                        .isTrue();
                assertThat(tools.get(name).path("description").asString()).contains("confirm every change");
            }
            assertThat(tools.get("read_records")
                            .path("inputSchema")
                            .path("properties")
                            .has("confirmation_token"))
                    .isFalse();
        }
    }
}
