package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * What tools/list tells a model about each tool is reviewed like code: names, titles, descriptions,
 * schemas (each valid against the JSON Schema 2020-12 meta-schema) and honest annotations; and every
 * successful result validates against its outputSchema (checked with networknt json-schema-validator).
 */
@ToolsServerTest
class ToolDefinitionsTests extends FakeOdooToolsTest {

    static final Set<String> READS = Set.of(
            "odoo_context",
            "list_models",
            "describe_model",
            "search_records",
            "read_records",
            "count_records",
            "aggregate_records",
            "name_search",
            "read_messages",
            "list_activities",
            "read_attachment",
            "print_document");
    static final Set<String> DESTRUCTIVE = Set.of("update_records", "delete_records", "call_method");
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** The 2020-12 meta-schema, read from the validator's jar (remote fetching is off by default). */
    static final Schema META_SCHEMA =
            SCHEMAS.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    /** One successful call of every tool, in an order that leaves the data consistent. */
    static final List<String[]> CALLS = List.of(
            new String[] {"odoo_context", "{}"},
            new String[] {"list_models", "{\"filter\": \"stock\"}"},
            new String[] {"describe_model", "{\"model\": \"stock.quant\"}"},
            new String[] {"search_records", "{\"model\": \"purchase.order\", \"limit\": 2}"},
            new String[] {"read_records", "{\"model\": \"res.partner\", \"ids\": [9, 404]}"},
            new String[] {"count_records", "{\"model\": \"sale.order\"}"},
            new String[] {"aggregate_records", "{\"model\": \"sale.order\", \"group_by\": [\"state\", \"partner_id\"]}"
            },
            new String[] {"name_search", "{\"model\": \"product.product\", \"name\": \"wood\"}"},
            new String[] {"create_record", "{\"model\": \"res.partner\", \"values\": {\"name\": \"Schema Check\"}}"},
            new String[] {
                "update_records", "{\"model\": \"res.partner\", \"ids\": [12], \"values\": {\"city\": \"Ghent\"}}"
            },
            new String[] {"call_method", "{\"model\": \"purchase.order\", \"method\": \"button_confirm\", \"ids\": [3]}"
            },
            new String[] {
                "call_method", "{\"model\": \"res.partner\", \"method\": \"onchange_company_type\", \"ids\": [12]}"
            },
            new String[] {"delete_records", "{\"model\": \"res.partner\", \"ids\": [20]}"},
            new String[] {"post_message", "{\"model\": \"purchase.order\", \"res_id\": 2, \"body\": \"Checked\"}"},
            new String[] {"read_messages", "{\"model\": \"purchase.order\", \"res_id\": 2}"},
            new String[] {
                "schedule_activity",
                "{\"model\": \"res.partner\", \"res_id\": 14, \"activity_type\": "
                        + "\"To-Do\", \"summary\": \"Schema check\"}"
            },
            new String[] {"list_activities", "{\"overdue\": true}"},
            new String[] {"list_activities", "{\"model\": \"purchase.order\", \"res_id\": 2}"},
            new String[] {
                "complete_activity", "{\"model\": \"purchase.order\", \"activity_id\": 2, \"feedback\": " + "\"Done\"}"
            },
            new String[] {
                "upload_attachment",
                "{\"model\": \"purchase.order\", \"res_id\": 2, \"name\": \"n.txt\", "
                        + "\"content_base64\": \"aGVsbG8=\"}"
            },
            new String[] {"read_attachment", "{\"model\": \"purchase.order\", \"res_id\": 2}"},
            new String[] {
                "read_attachment",
                "{\"model\": \"purchase.order\", \"attachment_id\": 31, " + "\"include_content\": true}"
            },
            new String[] {"print_document", "{\"model\": \"account.move\", \"res_id\": 7}"},
            new String[] {"print_document", "{\"model\": \"account.move\", \"res_id\": 8}"});

    /** Hides the base class's start-up: the mail side of the demo company, for the chatter, activity and file tools. */
    @BeforeAll
    static void startOdoo() {
        fakes = Fakes.perFlavor(flavor -> FakeOdooDatasets.chatter(flavor.major()));
    }

    @Test
    void everyToolIsWellDefined() {
        List<JsonNode> tools = McpClient.at(port).protocol(McpClient.REVISION).tools();
        Map<String, JsonNode> odooTools = new HashMap<>();
        tools.stream()
                .filter(t -> !t.path("name").asString().startsWith("aa_"))
                .forEach(t -> odooTools.put(t.path("name").asString(), t));
        assertThat(odooTools.keySet())
                .containsExactlyInAnyOrder(
                        "odoo_context",
                        "list_models",
                        "describe_model",
                        "search_records",
                        "read_records",
                        "count_records",
                        "aggregate_records",
                        "name_search",
                        "create_record",
                        "update_records",
                        "delete_records",
                        "call_method",
                        "post_message",
                        "read_messages",
                        "schedule_activity",
                        "list_activities",
                        "complete_activity",
                        "upload_attachment",
                        "read_attachment",
                        "print_document");
        odooTools.forEach((name, tool) -> {
            assertThat(name).matches("^[a-z_]+$");
            assertThat(tool.path("title").asString()).as(name).isNotBlank();
            assertThat(tool.path("description").asString().length()).as(name).isGreaterThanOrEqualTo(100);
            JsonNode input = tool.path("inputSchema");
            assertThat(input.path("type").asString()).as(name).isEqualTo("object");
            assertThat(input.has("anyOf") || input.has("oneOf") || input.has("allOf"))
                    .as(name)
                    .isFalse();
            input.path("required")
                    .forEach(required -> assertThat(input.path("properties").has(required.asString()))
                            .as(name + " declares required " + required)
                            .isTrue());
            assertThat(tool.path("outputSchema").path("type").asString())
                    .as(name)
                    .isEqualTo("object");
            JsonNode annotations = tool.path("annotations");
            assertThat(annotations.path("readOnlyHint").asBoolean()).as(name).isEqualTo(READS.contains(name));
            assertThat(annotations.path("destructiveHint").asBoolean()).as(name).isEqualTo(DESTRUCTIVE.contains(name));
            assertThat(annotations.path("openWorldHint").isBoolean()).as(name).isTrue();
            assertThat(annotations.path("title").asString())
                    .as(name)
                    .isEqualTo(tool.path("title").asString());
            assertThat(META_SCHEMA.validate(input))
                    .as(name + " inputSchema against the 2020-12 meta-schema")
                    .isEmpty();
            assertThat(META_SCHEMA.validate(tool.path("outputSchema")))
                    .as(name + " outputSchema against the 2020-12 meta-schema")
                    .isEmpty();
        });
    }

    @Test
    void theMetaSchemaCheckRejectsABrokenSchema() {
        JsonNode broken = McpClient.JSON.readTree("""
                {"type": "object", "properties": {"model": {"type": "text"}, "limit": {"minimum": "1"}},
                 "required": "model", "additionalProperties": 0}""");
        assertThat(META_SCHEMA.validate(broken))
                .extracting(error -> error.getInstanceLocation().toString())
                .containsOnly(
                        "/properties/model/type", "/properties/limit/minimum", "/required", "/additionalProperties");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void successfulResultsMatchTheirOutputSchema(Flavor flavor) {
        McpClient mcp = fakes.client(port, flavor);
        Map<String, Schema> outputs = new HashMap<>();
        mcp.tools().forEach(tool -> {
            if (tool.has("outputSchema")) {
                outputs.put(tool.path("name").asString(), SCHEMAS.getSchema(tool.get("outputSchema")));
            }
        });
        assertThat(outputs.get("search_records").validate(McpClient.JSON.readTree("{\"total\": \"many\"}")))
                .as("the validator does reject a wrong type")
                .isNotEmpty();
        for (String[] call : CALLS) {
            JsonNode structured = mcp.callConfirmed(call[0], call[1]).ok();
            assertThat(outputs.get(call[0]).validate(structured))
                    .as(call[0] + " " + structured)
                    .isEmpty();
        }
    }
}
