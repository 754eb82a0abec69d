package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.McpClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** odoo:// resources, the six workflow prompts and completions from the caller's Odoo, through /mcp. */
@ToolsServerTest
class ResourcesPromptsCompletionsTests extends FakeOdooToolsTest {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void resourcesReadRecordsAndFields(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        JsonNode record = mcp.result("resources/read", "{\"uri\": \"odoo://res.partner/15\"}")
                .path("contents")
                .path(0);
        assertThat(record.path("uri").asString()).isEqualTo("odoo://res.partner/15");
        assertThat(record.path("mimeType").asString()).isEqualTo("application/json");
        JsonNode azure = McpClient.JSON.readTree(record.path("text").asString());
        assertThat(azure.path("name").asString()).isEqualTo("Azure Interior");
        assertThat(azure.path("country_id").path("name").asString()).isEqualTo("United States");
        JsonNode fields =
                McpClient.JSON.readTree(mcp.result("resources/read", "{\"uri\": \"odoo://sale.order/fields\"}")
                        .path("contents")
                        .path(0)
                        .path("text")
                        .asString());
        assertThat(fields.path("fields").findValuesAsString("name")).contains("partner_id", "state", "order_line");
        JsonNode missing = mcp.answer("resources/read", "{\"uri\": \"odoo://res.partner/99999\"}");
        assertThat(missing.path("error").path("code").asInt()).isEqualTo(-32002);
        assertThat(missing.path("error").path("message").asString()).contains("does not exist");
        for (String impossible : List.of("99999999999999999999", "2147483648", "0")) {
            JsonNode outOfRange = mcp.answer("resources/read", "{\"uri\": \"odoo://res.partner/" + impossible + "\"}");
            assertThat(outOfRange.path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(outOfRange.path("error").path("message").asString()).contains("from 1 to 2147483647");
        }
        JsonNode noModel = mcp.answer("resources/read", "{\"uri\": \"odoo://res.partnr/1\"}");
        assertThat(noModel.path("error").path("message").asString()).contains("did you mean 'res.partner'");
        JsonNode noCredentials = McpClient.at(port)
                .protocol(McpClient.REVISION)
                .answer("resources/read", "{\"uri\": \"odoo://res.partner/15\"}");
        assertThat(noCredentials.path("error").path("message").asString()).contains("X-Odoo-Url");
    }

    @Test
    void templatesAndSixPromptsAreListed() {
        McpClient mcp = McpClient.at(port).protocol(McpClient.REVISION);
        assertThat(mcp.result("resources/templates/list", "{}")
                        .path("resourceTemplates")
                        .findValuesAsString("uriTemplate"))
                .contains("odoo://{model}/{id}", "odoo://{model}/fields");
        List<String> prompts = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = mcp.result("prompts/list", cursor == null ? "{}" : "{\"cursor\": \"" + cursor + "\"}");
            page.path("prompts").forEach(p -> prompts.add(p.path("name").asString()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(prompts)
                .contains(
                        "stock_overview",
                        "purchase_order",
                        "active_projects",
                        "log_timesheet",
                        "raw_material_stock",
                        "manufacturing_order");
    }

    @Test
    void promptsFillTheirArgumentsAndRequireTheRequiredOnes() {
        McpClient mcp = McpClient.at(port).protocol(McpClient.REVISION);
        String text = mcp.result(
                        "prompts/get",
                        "{\"name\": \"purchase_order\", \"arguments\": {\"supplier\": "
                                + "\"Wood Corner\", \"products\": \"10 x Wood Panel\"}}")
                .path("messages")
                .path(0)
                .path("content")
                .path("text")
                .asString();
        assertThat(text)
                .contains("\"Wood Corner\"", "10 x Wood Panel", "name_search", "create_record", "button_confirm")
                .doesNotContain("{supplier}", "{products}");
        String fallback = mcp.result("prompts/get", "{\"name\": \"stock_overview\", \"arguments\": {}}")
                .path("messages")
                .path(0)
                .path("content")
                .path("text")
                .asString();
        assertThat(fallback).contains("the main warehouse").doesNotContain("{warehouse}");
        JsonNode missing =
                mcp.answer("prompts/get", "{\"name\": \"log_timesheet\", \"arguments\": {\"hours\": \"3\"}}");
        assertThat(missing.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(missing.path("error").path("message").asString()).contains("employee");
        String braces = mcp.result(
                        "prompts/get",
                        "{\"name\": \"log_timesheet\", \"arguments\": {\"employee\": "
                                + "\"{hours}\", \"hours\": \"3\"}}")
                .path("messages")
                .path(0)
                .path("content")
                .path("text")
                .asString();
        assertThat(braces).contains("the employee \"{hours}\"");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void completionsComeFromTheCallersOdoo(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        JsonNode suppliers = mcp.result(
                        "completion/complete",
                        "{\"ref\": {\"type\": \"ref/prompt\", \"name\": "
                                + "\"purchase_order\"}, \"argument\": {\"name\": \"supplier\", \"value\": \"o\"}}")
                .path("completion");
        assertThat(suppliers
                        .path("values")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .contains("Wood Corner", "Azure Interior")
                .doesNotContain("Deco Addict", "My Company (acme)", "Wood Corner, Willie Burke");
        JsonNode employees = mcp.result(
                        "completion/complete",
                        "{\"ref\": {\"type\": \"ref/prompt\", \"name\": "
                                + "\"log_timesheet\"}, \"argument\": {\"name\": \"employee\", \"value\": \"marc\"}}")
                .path("completion");
        assertThat(employees.path("values").toString()).isEqualTo("[\"Marc Demo\"]");
        JsonNode models = mcp.result(
                        "completion/complete",
                        "{\"ref\": {\"type\": \"ref/resource\", \"uri\": "
                                + "\"odoo://{model}/{id}\"}, \"argument\": {\"name\": \"model\", \"value\": \"stock.\"}}")
                .path("completion");
        assertThat(models.path("values").valueStream().map(JsonNode::asString).toList())
                .contains("stock.quant", "stock.warehouse")
                .allMatch(m -> m.startsWith("stock."));
        JsonNode anonymous = McpClient.at(port)
                .protocol(McpClient.REVISION)
                .result(
                        "completion/complete",
                        "{\"ref\": {\"type\": "
                                + "\"ref/prompt\", \"name\": \"purchase_order\"}, \"argument\": {\"name\": \"supplier\", \"value\": \"o\"}}");
        assertThat(anonymous.path("completion").path("values")).isEmpty();
    }
}
