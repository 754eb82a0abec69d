package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.McpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** search_records, read_records and count_records through /mcp on every flavor: formatting, defaults, limits, paging. */
@ToolsServerTest
class SearchAndReadToolsTests extends FakeOdooToolsTest {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void defaultFieldsAreAShortUsefulSelectionWithoutBinaryHtmlToManyOrSecrets(Flavor flavor) {
        JsonNode result = mcp(flavor)
                .call("search_records", "{\"model\": \"res.partner\", \"domain\": " + "[[\"id\", \"=\", 9]]}")
                .ok();
        JsonNode wood = result.path("records").path(0);
        List<String> fields = new ArrayList<>(wood.propertyNames());
        assertThat(fields)
                .hasSizeLessThanOrEqualTo(16)
                .contains("id", "name", "email", "country_id")
                .doesNotContain("image_128", "child_ids");
        assertThat(wood.path("name").asString()).isEqualTo("Wood Corner");
        assertThat(wood.path("country_id").path("id").asInt()).isEqualTo(233);
        assertThat(wood.path("country_id").path("name").asString()).isEqualTo("United States");
        assertThat(wood.has("phone")).isTrue();
        assertThat(wood.path("phone").isNull())
                .as("Odoo's false for an empty char is null")
                .isTrue();
        assertThat(wood.path("parent_id").isNull()).isTrue();
        assertThat(wood.path("is_company").asBoolean()).isTrue();
        List<Object> asked = fakes.get(flavor)
                                .callsTo("res.partner", "search_read")
                                .get(0)
                                .kwargs()
                                .get("fields")
                        instanceof List<?> l
                ? new ArrayList<>(l)
                : List.of();
        assertThat(asked).hasSizeLessThanOrEqualTo(15).doesNotContain("image_128", "child_ids");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void datetimesAreIsoUtcAndMany2oneIsIdAndName(Flavor flavor) {
        JsonNode order = mcp(flavor)
                .call(
                        "read_records",
                        "{\"model\": \"purchase.order\", \"ids\": [1], "
                                + "\"fields\": [\"name\", \"partner_id\", \"date_order\", \"date_planned\", \"state\"]}")
                .ok()
                .path("records")
                .path(0);
        assertThat(order.path("date_order").asString()).isEqualTo("2026-11-02T09:00:00Z");
        assertThat(order.path("date_planned").isNull()).isTrue();
        assertThat(order.path("partner_id").toString()).isEqualTo("{\"id\":9,\"name\":\"Wood Corner\"}");
        assertThat(order.path("state").asString()).isEqualTo("purchase");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void binaryFieldsArePlaceholdersUnlessAskedFor(Flavor flavor) {
        JsonNode placeholder = mcp(flavor)
                .call(
                        "read_records",
                        "{\"model\": \"res.partner\", \"ids\": [1], " + "\"fields\": [\"name\", \"image_128\"]}")
                .ok()
                .path("records")
                .path(0)
                .path("image_128");
        assertThat(placeholder.path("binary").asBoolean()).isTrue();
        assertThat(placeholder.path("bytes").asInt()).isBetween(60, 80);
        assertThat(placeholder.path("note").asString()).contains("include_binary");
        JsonNode content = mcp(flavor)
                .call(
                        "read_records",
                        "{\"model\": \"res.partner\", \"ids\": [1], "
                                + "\"fields\": [\"image_128\"], \"include_binary\": true}")
                .ok()
                .path("records")
                .path(0)
                .path("image_128");
        assertThat(content.asString()).startsWith("iVBORw0KGgo");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void readRecordsReportsMissingIds(Flavor flavor) {
        JsonNode result = mcp(flavor)
                .call("read_records", "{\"model\": \"res.partner\", \"ids\": [15, 999], " + "\"fields\": [\"name\"]}")
                .ok();
        assertThat(result.path("records")).hasSize(1);
        assertThat(result.path("records").path(0).path("name").asString()).isEqualTo("Azure Interior");
        assertThat(result.path("missing_ids").toString()).isEqualTo("[999]");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void defaultLimitIsTwentyPagedWithOneOdooRequestPerPage(Flavor flavor) {
        int models =
                fakes.get(flavor).inspect(Flavor.DB, "ir.model", r -> r.ids().size());
        assertThat(models).isGreaterThan(21);
        McpClient mcp = mcp(flavor);
        mcp.call("search_records", "{\"model\": \"ir.model\", \"fields\": [\"model\"]}")
                .ok();
        fakes.get(flavor).clearCalls();
        JsonNode first = mcp.call("search_records", "{\"model\": \"ir.model\", \"fields\": [\"model\"]}")
                .ok();
        assertThat(first.path("returned").asInt()).isEqualTo(20);
        assertThat(first.path("records")).hasSize(20);
        assertThat(first.path("has_more").asBoolean()).isTrue();
        assertThat(first.path("next_offset").asInt()).isEqualTo(20);
        assertThat(first.has("total"))
                .as("no total unless asked for, before the last page")
                .isFalse();
        assertThat(fakes.get(flavor).calls())
                .as("one Odoo request: the page and one row more")
                .extracting(FakeOdoo.Call::method)
                .containsExactly("search_read");
        assertThat(((Number) fakes.get(flavor)
                                .callsTo("ir.model", "search_read")
                                .get(0)
                                .kwargs()
                                .get("limit"))
                        .intValue())
                .isEqualTo(21);

        JsonNode last = mcp.call(
                        "search_records",
                        "{\"model\": \"ir.model\", \"fields\": [\"model\"], " + "\"offset\": 20, \"limit\": 100}")
                .ok();
        assertThat(last.path("returned").asInt()).isEqualTo(models - 20);
        assertThat(last.path("total").asInt())
                .as("the last page knows the total")
                .isEqualTo(models);
        assertThat(last.path("has_more").asBoolean()).isFalse();
        assertThat(last.has("next_offset")).isFalse();
        assertThat(last.path("records").path(0).path("model").asString())
                .isNotEqualTo(first.path("records").path(0).path("model").asString());

        JsonNode exact = mcp.call(
                        "search_records",
                        "{\"model\": \"ir.model\", \"fields\": [\"model\"], " + "\"offset\": " + (models - 20) + "}")
                .ok();
        assertThat(exact.path("returned").asInt()).isEqualTo(20);
        assertThat(exact.path("has_more").asBoolean())
                .as("a page that ends exactly at the last match")
                .isFalse();
        assertThat(exact.path("total").asInt()).isEqualTo(models);
        assertThat(fakes.get(flavor).callsTo("ir.model", "search_count")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theTotalIsCountedWhenAskedFor(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        fakes.get(flavor).clearCalls();
        JsonNode page = mcp.call(
                        "search_records",
                        "{\"model\": \"res.partner\", \"domain\": "
                                + "[[\"is_company\", \"=\", true]], \"fields\": [\"name\"], \"order\": \"name asc\", \"limit\": 3, "
                                + "\"offset\": 3, \"count_total\": true}")
                .ok();
        assertThat(page.path("total").asInt()).isEqualTo(7);
        assertThat(page.path("returned").asInt()).isEqualTo(3);
        assertThat(page.path("has_more").asBoolean()).isTrue();
        assertThat(page.path("next_offset").asInt()).isEqualTo(6);
        assertThat(page.path("records").findValuesAsString("name"))
                .containsExactly("Lumber Inc", "My Company (acme)", "Ready Mat");
        assertThat(fakes.get(flavor).callsTo("res.partner", "search_count")).hasSize(1);

        JsonNode uncounted = mcp.call(
                        "search_records",
                        "{\"model\": \"res.partner\", \"domain\": "
                                + "[[\"is_company\", \"=\", true]], \"fields\": [\"name\"], \"order\": \"name asc\", \"limit\": 3, "
                                + "\"offset\": 3}")
                .ok();
        assertThat(uncounted.has("total")).isFalse();
        assertThat(uncounted.path("records")).isEqualTo(page.path("records"));
        JsonNode past = mcp.call(
                        "search_records",
                        "{\"model\": \"res.partner\", \"domain\": "
                                + "[[\"is_company\", \"=\", true]], \"offset\": 50, \"count_total\": true}")
                .ok();
        assertThat(past.path("returned").asInt()).isZero();
        assertThat(past.path("total").asInt())
                .as("past the end, the count still answers")
                .isEqualTo(7);
        assertThat(past.path("has_more").asBoolean()).isFalse();
        assertThat(fakes.get(flavor).callsTo("res.partner", "search_count")).hasSize(2);
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"count_total\": \"yes\"}")
                        .error())
                .contains("'count_total'");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void limitsAreChecked(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        fakes.get(flavor).clearCalls();
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"limit\": 501}")
                        .error())
                .isEqualTo("Argument 'limit' must be an integer from 1 to 500.");
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"limit\": 0}")
                        .error())
                .contains("'limit'");
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"offset\": -1}")
                        .error())
                .contains("'offset'");
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"limit\": \"ten\"}")
                        .error())
                .contains("'limit'");
        assertThat(fakes.get(flavor).callsTo("res.partner", "search_read")).isEmpty();
        JsonNode max = mcp.call("search_records", "{\"model\": \"ir.model\", \"limit\": 500, \"fields\": [\"model\"]}")
                .ok();
        assertThat(max.has("next_offset")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void argumentValidationMessagesNameTheArgument(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        assertThat(mcp.call("search_records", "{}").error())
                .isEqualTo("Argument 'model' is required (a non-empty string).");
        assertThat(mcp.call("search_records", "{\"model\": \"Res Partner\"}").error())
                .contains("Argument 'model' must be an Odoo model name", "'Res Partner'");
        assertThat(mcp.call("read_records", "{\"model\": \"res.partner\"}").error())
                .contains("Argument 'ids' is required");
        assertThat(mcp.call("read_records", "{\"model\": \"res.partner\", \"ids\": [1, -2]}")
                        .error())
                .contains("positive integer ids");
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"fields\": [\"name\", 3]}")
                        .error())
                .contains("'fields'");
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"include_binary\": \"yes\"}")
                        .error())
                .isEqualTo("Argument 'include_binary' must be true or false.");
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"order\": \"name; drop table\"}")
                        .error())
                .contains("Argument 'order' must look like");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void unknownModelAndFieldsSayWhatToDo(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        String model = mcp.call("search_records", "{\"model\": \"res.partnr\"}").error();
        assertThat(model).contains("res.partnr", "did you mean 'res.partner'");
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"fields\": [\"emial\"]}")
                        .error())
                .isEqualTo("Model 'res.partner' has no field 'emial'; did you mean 'email'?");
        assertThat(mcp.call("search_records", "{\"model\": \"res.partner\", \"order\": \"nmae desc\"}")
                        .error())
                .contains("no field 'nmae'", "'name'");
        assertThat(mcp.call("read_records", "{\"model\": \"res.partner\", \"ids\": [1], \"fields\": [\"zzzzzzzz\"]}")
                        .error())
                .contains("no field 'zzzzzzzz'", "describe_model");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void countRecordsCountsWithADomain(Flavor flavor) {
        JsonNode count = mcp(flavor)
                .call("count_records", "{\"model\": \"res.partner\", \"domain\": " + "[[\"supplier_rank\", \">\", 0]]}")
                .ok();
        assertThat(count.path("count").asInt()).isEqualTo(4);
        assertThat(count.path("model").asString()).isEqualTo("res.partner");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void missingCredentialsNameTheHeader(Flavor flavor) {
        McpClient mcp = mcp(flavor);
        assertThat(McpClient.at(port)
                        .protocol(McpClient.REVISION)
                        .call("search_records", "{\"model\": \"res.partner\"}")
                        .error())
                .contains("X-Odoo-Url");
        assertThat(mcp.without("X-Odoo-Api-Key")
                        .call("count_records", "{\"model\": \"res.partner\"}")
                        .error())
                .contains("X-Odoo-Api-Key");
        assertThat(mcp.without("X-Odoo-Db").call("odoo_context", "{}").error()).contains("X-Odoo-Db");
        String wrongKey = mcp.with("X-Odoo-Api-Key", "wrong-key-0123456789")
                .call("count_records", "{\"model\": \"res.partner\"}")
                .error();
        assertThat(wrongKey).doesNotContain("wrong-key-0123456789", Flavor.KEY, "Traceback");
    }
}
