package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.McpClient;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** Domains, aggregate_records and name_search through /mcp on every flavor, with what reached Odoo. */
@ToolsServerTest
class QueryToolsTests extends FakeOdooToolsTest {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void badDomainsAreExplainedAndNeverSent(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        FakeOdoo odoo = fakes.get(flavor);
        mcp.call("count_records", "{\"model\": \"res.partner\"}").ok(); // metadata cached
        odoo.clearCalls();
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"domain\": [[\"name\", \"~\", \"x\"]]}")
                        .error())
                .startsWith("Invalid domain: unknown operator \"~\"");
        assertThat(mcp.call(
                                "search_records",
                                "{\"model\": \"res.partner\", \"domain\": [\"|\", [\"name\", \"=\", \"x\"]]}")
                        .error())
                .isEqualTo("Invalid domain: an operator '&', '|' or '!' is missing one of its conditions.");
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"domain\": [[\"name\", \"=\"]]}")
                        .error())
                .contains("each condition must be [field, operator, value]");
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"domain\": [[\"state\", \"in\", \"x\"]]}")
                        .error())
                .contains("must be a list");
        assertThat(mcp.call("count_records", "{\"model\": \"res.partner\", \"domain\": [[\"supplir_rank\", \">\", 0]]}")
                        .error())
                .isEqualTo("Model 'res.partner' has no field 'supplir_rank'; did you mean 'supplier_rank'?");
        assertThat(mcp.call("count_records", "{\"model\": \"res.partner\", \"domain\": \"[('name', '=', \"}")
                        .error())
                .contains("not valid JSON");
        assertThat(mcp.call("count_records", "{\"model\": \"res.partner\", \"domain\": {\"name\": \"x\"}}")
                        .error())
                .contains("must be a list of conditions");
        assertThat(odoo.calls()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void pythonSyntaxAndSingleConditionDomainsAreAccepted(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        JsonNode python = mcp.call(
                        "search_records",
                        "{\"model\": \"res.partner\", \"fields\": [\"name\"], "
                                + "\"order\": \"name\", \"domain\": \"[('supplier_rank', '>', 0), ('is_company', '=', True)]\"}")
                .ok();
        assertThat(python.path("records").findValuesAsString("name"))
                .containsExactly("Azure Interior", "Lumber Inc", "Ready Mat", "Wood Corner");
        JsonNode or = mcp.call(
                        "count_records",
                        "{\"model\": \"res.partner\", \"domain\": "
                                + "[\"|\", [\"name\", \"=\", \"Wood Corner\"], [\"name\", \"=\", \"Ready Mat\"]]}")
                .ok();
        assertThat(or.path("count").asInt()).isEqualTo(2);
        JsonNode single = mcp.call(
                        "count_records",
                        "{\"model\": \"res.partner\", \"domain\": "
                                + "[\"parent_id.name\", \"=\", \"Azure Interior\"]}")
                .ok();
        assertThat(single.path("count").asInt()).isEqualTo(3);
        List<FakeOdoo.Call> sent = fakes.get(flavor).callsTo("res.partner", "search_count");
        assertThat(flavor.received(sent.get(sent.size() - 1), "domain", 0))
                .isEqualTo(List.of(List.of("parent_id.name", "=", "Azure Interior")));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aggregateUsesReadGroupUpTo18AndFormattedReadGroupFrom19(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        JsonNode result = mcp(flavor)
                .call(
                        "aggregate_records",
                        "{\"model\": \"stock.quant\", \"domain\": "
                                + "[[\"location_id.usage\", \"=\", \"internal\"]], \"group_by\": [\"product_id\"], "
                                + "\"aggregates\": [\"quantity:sum\"], \"order\": \"quantity:sum desc\"}")
                .ok();
        String used = flavor.major() >= 19 ? "formatted_read_group" : "read_group";
        String other = flavor.major() >= 19 ? "read_group" : "formatted_read_group";
        assertThat(odoo.callsTo("stock.quant", used)).hasSize(1);
        assertThat(odoo.callsTo("stock.quant", other)).isEmpty();
        FakeOdoo.Call call = odoo.callsTo("stock.quant", used).get(0);
        assertThat(flavor.received(call, "domain", 0))
                .isEqualTo(List.of(List.of("location_id.usage", "=", "internal")));
        if (flavor.major() >= 19) {
            assertThat(flavor.received(call, "aggregates", 2)).isEqualTo(List.of("quantity:sum", "__count"));
            assertThat(call.kwargs()).containsEntry("order", "quantity:sum desc");
        } else {
            // read_group(domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True)
            assertThat(call.args())
                    .isEqualTo(List.of(
                            List.of(List.of("location_id.usage", "=", "internal")),
                            List.of("quantity:sum"),
                            List.of("product_id")));
            assertThat(call.kwargs())
                    .containsEntry("lazy", false)
                    .containsEntry("orderby", "quantity desc")
                    .doesNotContainKeys("domain", "fields", "groupby");
        }
        assertThat(result.path("returned").asInt()).isEqualTo(10);
        JsonNode woodPanel = group(result, "product_id", 7);
        assertThat(woodPanel.path("product_id").path("name").asString()).isEqualTo("[RM_WOOD] Wood Panel");
        assertThat(woodPanel.path("quantity:sum").asDouble()).isEqualTo(180.0);
        assertThat(woodPanel.path("__count").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aggregateGivesOneShapeForDateGroupsAndCounts(Flavor flavor) {
        JsonNode result = mcp(flavor)
                .call("aggregate_records", "{\"model\": \"purchase.order\", " + "\"group_by\": [\"date_order:month\"]}")
                .ok();
        assertThat(result.path("groups")).hasSize(1);
        assertThat(result.path("groups").path(0).path("date_order:month").asString())
                .isEqualTo("November 2026");
        assertThat(result.path("groups").path(0).path("__count").asInt()).isEqualTo(3);
        JsonNode total = mcp(flavor)
                .call(
                        "aggregate_records",
                        "{\"model\": \"account.analytic.line\", " + "\"aggregates\": [\"unit_amount:sum\"]}")
                .ok();
        assertThat(total.path("groups").path(0).path("unit_amount:sum").asDouble())
                .isEqualTo(29.0);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aggregateArgumentsAreChecked(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        assertThat(mcp.call("aggregate_records", "{\"model\": \"stock.quant\", \"aggregates\": [\"quantity\"]}")
                        .error())
                .isEqualTo("Aggregate 'quantity' needs a function, e.g. 'quantity:sum'.");
        assertThat(mcp.call("aggregate_records", "{\"model\": \"stock.quant\", \"aggregates\": [\"quantity:median\"]}")
                        .error())
                .contains("function one of avg, bool_and");
        assertThat(mcp.call(
                                "aggregate_records",
                                "{\"model\": \"stock.quant\", \"group_by\": [\"product_id:month\"], "
                                        + "\"aggregates\": [\"quantity:sum\"]}")
                        .error())
                .contains("granularity");
        assertThat(mcp.call("aggregate_records", "{\"model\": \"stock.quant\", \"group_by\": [\"prodct_id\"]}")
                        .error())
                .contains("did you mean 'product_id'");
        assertThat(mcp.call(
                                "aggregate_records",
                                "{\"model\": \"stock.quant\", \"group_by\": [\"product_id\"], "
                                        + "\"order\": \"location_id desc\"}")
                        .error())
                .contains("Argument 'order' must name group_by fields");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void nameSearchSendsItsDomainByPositionAndAsDomainFrom19(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        JsonNode all = mcp(flavor)
                .call("name_search", "{\"model\": \"res.partner\", \"name\": \"wood\"}")
                .ok();
        assertThat(all.path("matches").findValuesAsString("name"))
                .contains("Wood Corner", "Wood Corner, Willie Burke", "Wood Corner, Ron Gibson");
        JsonNode suppliers = mcp(flavor)
                .call(
                        "name_search",
                        "{\"model\": \"res.partner\", \"name\": \"wood\", "
                                + "\"domain\": [[\"supplier_rank\", \">\", 0]]}")
                .ok();
        assertThat(suppliers.path("matches").toString()).isEqualTo("[{\"id\":9,\"name\":\"Wood Corner\"}]");
        // name_search(name, args, operator, limit) up to 18, (name, domain, operator, limit) in 19
        FakeOdoo.Call sent = odoo.callsTo("res.partner", "name_search").get(1);
        assertThat(flavor.received(sent, "name", 0)).isEqualTo("wood");
        assertThat(flavor.received(sent, "domain", 1)).isEqualTo(List.of(List.of("supplier_rank", ">", 0L)));
        assertThat(sent.kwargs()).doesNotContainKeys("args", "operator").containsEntry("limit", 10L);
        assertThat(mcp(flavor)
                        .call("name_search", "{\"model\": \"res.partner\"}")
                        .error())
                .isEqualTo("Argument 'name' is required (a non-empty string).");
    }

    private static JsonNode group(JsonNode result, String field, int id) {
        for (JsonNode group : result.path("groups")) {
            if (group.path(field).path("id").asInt() == id) {
                return group;
            }
        }
        throw new AssertionError("no group with " + field + " " + id + " in " + result);
    }
}
