package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.McpClient;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Server-wide read-only mode ({@code odoo-mcp.read-only=true}, env ODOO_MCP_READ_ONLY): no write reaches Odoo. */
@ToolsServerTest
@TestPropertySource(properties = "odoo-mcp.read-only=true")
class ReadOnlyServerTests extends FakeOdooToolsTest {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void writeToolsAreNotListedAndRefusedWhateverTheHeaderSays(Flavor flavor) {
        McpClient mcp = fakes.client(port, flavor).with("X-Odoo-Read-Only", "false");
        FakeOdoo odoo = fakes.get(flavor);
        assertThat(mcp.toolNames())
                .contains(
                        "search_records",
                        "aggregate_records",
                        "call_method",
                        "read_messages",
                        "list_activities",
                        "read_attachment",
                        "print_document")
                .doesNotContain(
                        "create_record",
                        "update_records",
                        "delete_records",
                        "post_message",
                        "schedule_activity",
                        "complete_activity",
                        "upload_attachment");
        odoo.clearCalls();
        for (String call : List.of(
                "{\"name\": \"create_record\", \"arguments\": {\"model\": \"res.partner\", \"values\": {\"name\": \"x\"}}}",
                "{\"name\": \"update_records\", \"arguments\": {\"model\": \"res.partner\", \"ids\": [9], "
                        + "\"values\": {\"name\": \"x\"}}}",
                "{\"name\": \"delete_records\", \"arguments\": {\"model\": \"res.partner\", \"ids\": [9]}}",
                "{\"name\": \"post_message\", \"arguments\": {\"model\": \"purchase.order\", \"res_id\": 2, "
                        + "\"body\": \"x\"}}",
                "{\"name\": \"schedule_activity\", \"arguments\": {\"model\": \"res.partner\", \"res_id\": 9, "
                        + "\"activity_type\": \"Call\"}}",
                "{\"name\": \"complete_activity\", \"arguments\": {\"model\": \"res.partner\", \"activity_id\": 1}}",
                "{\"name\": \"upload_attachment\", \"arguments\": {\"model\": \"res.partner\", \"res_id\": 9, "
                        + "\"name\": \"a.txt\", \"content_base64\": \"QQ==\"}}")) {
            JsonNode refused = mcp.answer("tools/call", call).path("result");
            assertThat(refused.path("isError").asBoolean()).isTrue();
            assertThat(refused.path("content").path(0).path("text").asString())
                    .contains("is disabled in read-only mode")
                    .contains("This connection is read-only");
        }
        assertThat(mcp.call(
                                "call_method",
                                "{\"model\": \"purchase.order\", \"method\": \"button_confirm\", " + "\"ids\": [2]}")
                        .error())
                .contains("This connection is read-only");
        assertThat(mcp.call(
                                "call_method",
                                "{\"model\": \"res.partner\", \"method\": \"write\", \"ids\": [9], "
                                        + "\"kwargs\": {\"vals\": {\"name\": \"x\"}}}")
                        .error())
                .contains("read-only");
        assertThat(odoo.calls()).isEmpty();
        Object state = odoo.inspect(
                Flavor.DB,
                "purchase.order",
                r -> r.browse("purchase.order", List.of(2L)).get("state"));
        assertThat(state).isEqualTo("draft");
        assertThat(mcp.call("search_records", "{\"model\": \"purchase.order\", \"fields\": [\"state\"]}")
                        .ok()
                        .path("total")
                        .asInt())
                .isEqualTo(3);
    }
}
