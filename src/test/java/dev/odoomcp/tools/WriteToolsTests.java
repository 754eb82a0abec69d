package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.McpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** create_record, update_records and delete_records through /mcp on every flavor, checked in the fake's data. */
@ToolsServerTest
class WriteToolsTests extends FakeOdooToolsTest {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void createSendsItsValueListByPositionOnXmlRpcAndByNameOnJson2(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        JsonNode created = mcp(flavor)
                .call(
                        "create_record",
                        "{\"model\": \"res.partner\", \"values\": {\"name\": "
                                + "\"Oak & Co\", \"supplier_rank\": 1, \"country_id\": {\"id\": 21, \"name\": \"Belgium\"}, "
                                + "\"phone\": null}}")
                .ok();
        long id = created.path("id").asLong();
        assertThat(created.path("name").asString()).isEqualTo("Oak & Co");
        assertThat(created.path("model").asString()).isEqualTo("res.partner");
        FakeOdoo.Call create = odoo.callsTo("res.partner", "create").get(0);
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("name", "Oak & Co");
        vals.put("supplier_rank", 1L);
        vals.put("country_id", 21L);
        vals.put("phone", false);
        assertThat(flavor.received(create, "vals_list", 0)).isEqualTo(List.of(vals));
        assertThat(create.kwargs()).doesNotContainKeys("vals", flavor.json2() ? "vals" : "vals_list");
        assertThat(create.args()).hasSize(flavor.json2() ? 0 : 1);
        Object country = odoo.inspect(
                Flavor.DB,
                "res.partner",
                r -> r.browse("res.partner", List.of(id)).get("country_id"));
        assertThat(country).isEqualTo(21L);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void createWritesOne2manyAndMany2manyCommandLists(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        JsonNode order = mcp.call(
                        "create_record",
                        "{\"model\": \"purchase.order\", \"values\": {\"partner_id\": 9, "
                                + "\"date_planned\": \"2026-12-01T10:00:00+01:00\", \"order_line\": [[0, 0, {\"product_id\": 7, "
                                + "\"product_qty\": 3, \"price_unit\": 12.5}], [0, 0, {\"product_id\": 8, \"product_qty\": 100, "
                                + "\"price_unit\": 0.5}]]}}")
                .ok();
        long id = order.path("id").asLong();
        assertThat(order.path("name").asString()).startsWith("P0");
        JsonNode read = mcp.call(
                        "read_records",
                        "{\"model\": \"purchase.order\", \"ids\": [" + id + "], \"fields\": "
                                + "[\"order_line\", \"amount_total\", \"date_planned\", \"state\"]}")
                .ok()
                .path("records")
                .path(0);
        assertThat(read.path("order_line")).hasSize(2);
        assertThat(read.path("amount_total").asDouble()).isEqualTo(87.5);
        assertThat(read.path("date_planned").asString()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(read.path("state").asString()).isEqualTo("draft");
        JsonNode task = mcp.call(
                        "create_record",
                        "{\"model\": \"project.task\", \"values\": {\"name\": \"Assemble\", "
                                + "\"project_id\": 1, \"user_ids\": [[6, 0, [2, 6]]]}}")
                .ok();
        Object users = fakes.get(flavor)
                .inspect(
                        Flavor.DB,
                        "project.task",
                        r -> r.browse("project.task", List.of(task.path("id").asLong()))
                                .get("user_ids"));
        assertThat(users).isEqualTo(List.of(2L, 6L));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void updateWritesValuesAndHtmlReadsBackAsText(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        JsonNode updated = mcp.call(
                        "update_records",
                        "{\"model\": \"purchase.order\", \"ids\": [2], \"values\": "
                                + "{\"notes\": \"<p>Deliver to <b>dock 3</b><br/>before noon &amp; call</p><p>Thanks</p>\"}}")
                .ok();
        assertThat(updated.path("updated").asBoolean()).isTrue();
        assertThat(updated.path("ids").toString()).isEqualTo("[2]");
        FakeOdoo.Call write =
                fakes.get(flavor).callsTo("purchase.order", "write").get(0);
        assertThat(write.ids()).containsExactly(2L);
        assertThat(flavor.received(write, "vals", 0))
                .isEqualTo(Map.of("notes", "<p>Deliver to <b>dock 3</b><br/>before noon &amp; call</p><p>Thanks</p>"));
        JsonNode notes = mcp.call(
                        "read_records", "{\"model\": \"purchase.order\", \"ids\": [2], \"fields\": " + "[\"notes\"]}")
                .ok()
                .path("records")
                .path(0)
                .path("notes");
        assertThat(notes.asString()).isEqualTo("Deliver to dock 3\nbefore noon & call\nThanks");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void writeArgumentsAreCheckedBeforeOdooIsAsked(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        mcp.call("describe_model", "{\"model\": \"res.partner\"}").ok();
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        assertThat(mcp.call("create_record", "{\"model\": \"res.partner\"}").error())
                .startsWith("Argument 'values' is required");
        assertThat(mcp.call("create_record", "{\"model\": \"res.partner\", \"values\": {\"nmae\": \"x\"}}")
                        .error())
                .isEqualTo("Model 'res.partner' has no field 'nmae'; did you mean 'name'?");
        assertThat(mcp.call("update_records", "{\"model\": \"res.partner\", \"ids\": [9], \"values\": {}}")
                        .error())
                .contains("'values' is empty");
        assertThat(mcp.call("update_records", "{\"model\": \"res.partner\", \"values\": {\"name\": \"x\"}}")
                        .error())
                .contains("Argument 'ids' is required");
        assertThat(mcp.call("delete_records", "{\"model\": \"res.partner\", \"ids\": []}")
                        .error())
                .contains("Argument 'ids' is required");
        assertThat(mcp.call(
                                "create_record",
                                "{\"model\": \"res.partner\", \"values\": {\"name\": \"x\", "
                                        + "\"date\": \"2026-13-45T99:00:00Z\"}}")
                        .error())
                .contains("no field 'date'");
        assertThat(odoo.calls()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void odooValidationErrorsComeBackAsToolErrors(Flavor flavor) {
        String error = mcp(flavor)
                .call(
                        "create_record",
                        "{\"model\": \"res.partner\", \"values\": {\"email\": " + "\"nobody@example.com\"}}")
                .error();
        assertThat(error).contains("Contacts require a name").doesNotContain("Traceback", "File \"");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void deleteRemovesRecords(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        long id = mcp.call("create_record", "{\"model\": \"res.partner\", \"values\": {\"name\": \"Temp\"}}")
                .ok()
                .path("id")
                .asLong();
        JsonNode deleted = mcp.callConfirmed("delete_records", "{\"model\": \"res.partner\", \"ids\": [" + id + "]}")
                .ok();
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        FakeOdoo.Call unlink =
                fakes.get(flavor).callsTo("res.partner", "unlink").get(0);
        assertThat(unlink.ids()).containsExactly(id);
        assertThat(unlink.args()).isEmpty();
        assertThat(unlink.kwargs()).isEmpty();
        boolean exists =
                fakes.get(flavor).inspect(Flavor.DB, "res.partner", r -> r.ids().contains(id));
        assertThat(exists).isFalse();
        assertThat(mcp.call("read_records", "{\"model\": \"res.partner\", \"ids\": [" + id + "]}")
                        .ok()
                        .path("missing_ids")
                        .toString())
                .isEqualTo("[" + id + "]");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void companyIdsBecomeAllowedCompanyIdsInTheContext(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        if (flavor.json2()) {
            // the fake's call log leaves JSON-2's context out: capture the body Odoo would receive
            List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
            odoo.override("/json/2/res.partner/search_count", exchange -> {
                bodies.add(
                        new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                byte[] answer = "7".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            });
            try {
                assertThat(mcp(flavor)
                                .call("count_records", "{\"model\": \"res.partner\", \"company_ids\": [1]}")
                                .ok()
                                .path("count")
                                .asInt())
                        .isEqualTo(7);
            } finally {
                odoo.removeOverride("/json/2/res.partner/search_count");
            }
            JsonNode body = McpClient.JSON.readTree(bodies.get(0));
            assertThat(body.path("context").path("allowed_company_ids").toString())
                    .isEqualTo("[1]");
            assertThat(body.path("domain").isArray()).isTrue();
            return;
        }
        odoo.clearCalls();
        mcp(flavor)
                .call("count_records", "{\"model\": \"res.partner\", \"company_ids\": [1]}")
                .ok();
        mcp(flavor).call("count_records", "{\"model\": \"res.partner\"}").ok();
        List<FakeOdoo.Call> counts = odoo.callsTo("res.partner", "search_count");
        assertThat(counts.get(0).kwargs().get("context")).isEqualTo(Map.of("allowed_company_ids", List.of(1L)));
        assertThat(counts.get(1).kwargs()).doesNotContainKey("context");
        assertThat(mcp(flavor)
                        .call("count_records", "{\"model\": \"res.partner\", \"company_ids\": [\"x\"]}")
                        .error())
                .contains("'company_ids'");
    }
}
