package dev.odoomcp.tools;

import static dev.odoomcp.tools.JsonSchemas.object;
import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code read_records}: the fields of records whose ids are known. */
@Component
class ReadRecordsTool extends OdooTool {

    ReadRecordsTool(ToolSupport support) {
        super(support);
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = object();
        prop(input, "model", JsonSchemas.model("res.partner"));
        prop(input, "ids", JsonSchemas.ids("Ids of the records to read, e.g. [7, 12]."));
        prop(input, "fields", JsonSchemas.fields());
        prop(input, "include_binary", JsonSchemas.bool("Return binary/image fields as base64 (default false)."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "ids");
        ObjectNode output = object();
        prop(output, "model", JsonSchemas.string(null));
        prop(output, "records", JsonSchemas.arrayOf(JsonSchemas.anyObject(null), null));
        prop(output, "missing_ids", JsonSchemas.arrayOf(JsonSchemas.integer(null, null, null), "ids that do not exist "
                + "or are not visible to the user"));
        prop(output, "note", JsonSchemas.string(null));
        return new McpSchema.Tool("read_records", "Read Odoo records by id",
                "Reads records whose ids you already have (from search_records, name_search or a many2one "
                        + "value). Example: {\"model\": \"purchase.order\", \"ids\": [42], \"fields\": [\"name\", "
                        + "\"partner_id\", \"state\", \"amount_total\", \"order_line\"]}. Without 'fields' a short "
                        + "selection of useful fields is returned.",
                input, output, readOnlyAnnotations("Read Odoo records by id"));
    }

    @Override
    protected JsonNode run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        support.policy().checkRead(model);
        List<Long> ids = arguments.ids("ids", support.properties().maxLimit());
        ModelMetadata metadata = support.metadata(session, model);
        List<String> fields = RecordPage.fields(arguments.fieldNames("fields"), metadata);
        // search_read on the ids instead of read: ids that vanished are simply not returned.
        JsonNode rows = session.execute(OrmCalls.searchRead(model,
                List.of(List.of("id", "in", ids.stream().map(Long::intValue).toList())), fields, null, null, null));
        ObjectNode result = support.object();
        result.put("model", model);
        int returned = RecordPage.fill(result, rows, metadata, arguments.flag("include_binary", false),
                support.properties().maxResultChars(), support.json());
        Set<Long> found = new HashSet<>();
        rows.forEach(row -> found.add(row.path("id").asLong()));
        List<Long> missing = new ArrayList<>(ids);
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            result.set("missing_ids", support.json().valueToTree(missing));
        }
        if (returned < rows.size()) {
            result.put("note", "Only " + returned + " of " + rows.size() + " records fit in the size budget; read "
                    + "the rest in another call or ask for fewer fields.");
        }
        return result;
    }

}
