package dev.odoomcp.tools;

import static dev.odoomcp.tools.JsonSchemas.object;
import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code search_records}: find records with a domain, page through them, with a total for paging. */
@Component
class SearchRecordsTool extends OdooTool {

    SearchRecordsTool(ToolSupport support) {
        super(support);
    }

    @Override
    protected McpSchema.Tool define() {
        int max = support.properties().maxLimit();
        ObjectNode input = object();
        prop(input, "model", JsonSchemas.model("stock.quant"));
        prop(input, "domain", JsonSchemas.domain());
        prop(input, "fields", JsonSchemas.fields());
        prop(input, "limit", JsonSchemas.integer("Most records to return (default " + support.properties().defaultLimit()
                + ", at most " + max + ").", 1, max));
        prop(input, "offset", JsonSchemas.integer("Records to skip, for the next page (default 0).", 0, null));
        prop(input, "order", JsonSchemas.string("Sort order, e.g. 'date_order desc' or 'name asc, id desc'."));
        prop(input, "include_binary", JsonSchemas.bool("Return binary/image fields as base64 (default false: "
                + "only their size)."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model");
        ObjectNode output = object();
        prop(output, "model", JsonSchemas.string(null));
        prop(output, "total", JsonSchemas.integer("records matching the domain", 0, null));
        prop(output, "offset", JsonSchemas.integer(null, 0, null));
        prop(output, "returned", JsonSchemas.integer(null, 0, null));
        prop(output, "records", JsonSchemas.arrayOf(JsonSchemas.anyObject(null), "many2one values as {id, name}, "
                + "empty values as null, datetimes in UTC"));
        prop(output, "next_offset", JsonSchemas.integer("offset of the next page, when there is one", 0, null));
        prop(output, "note", JsonSchemas.string(null));
        return new McpSchema.Tool("search_records", "Search Odoo records",
                "Finds records of a model that match a domain and returns their fields, with the total number of "
                        + "matches for paging (use next_offset for the next page). Without 'fields' it returns a "
                        + "short selection of the most useful fields. Examples: stock on hand in a warehouse: "
                        + "{\"model\": \"stock.quant\", \"domain\": [[\"location_id.warehouse_id.name\", \"ilike\", "
                        + "\"main\"], [\"location_id.usage\", \"=\", \"internal\"]], \"fields\": [\"product_id\", "
                        + "\"location_id\", \"quantity\"]}; this month's active projects: {\"model\": "
                        + "\"project.project\", \"domain\": [[\"active\", \"=\", true], [\"date_start\", \">=\", "
                        + "\"2026-11-01\"]]}. For totals use count_records or aggregate_records instead.",
                input, output, readOnlyAnnotations("Search Odoo records"));
    }

    @Override
    protected JsonNode run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        support.policy().checkRead(model);
        ToolsProperties limits = support.properties();
        int limit = arguments.limit(limits.defaultLimit(), limits.maxLimit());
        int offset = arguments.integer("offset", 0, 0, Integer.MAX_VALUE);
        ModelMetadata metadata = support.metadata(session, model);
        ArrayNode domain = Domains.parse(arguments.raw("domain"), metadata, support.json());
        List<String> fields = RecordPage.fields(arguments.fieldNames("fields"), metadata);
        String order = RecordPage.order(arguments.optionalString("order"), metadata);

        JsonNode rows = session.execute(OrmCalls.searchRead(model, OdooValues.plain(domain), fields, offset, limit, order));
        int total = offset == 0 && rows.size() < limit ? rows.size()
                : session.execute(OrmCalls.searchCount(model, OdooValues.plain(domain))).asInt();

        ObjectNode result = support.object();
        result.put("model", model);
        result.put("total", total);
        result.put("offset", offset);
        int returned = RecordPage.fill(result, rows, metadata, arguments.flag("include_binary", false),
                limits.maxResultChars(), support.json());
        result.put("returned", returned);
        if (offset + returned < total) {
            result.put("next_offset", offset + returned);
        }
        if (returned < rows.size()) {
            result.put("note", "Result cut to " + returned + " records to stay within the size budget; ask for "
                    + "fewer fields or continue with offset " + (offset + returned) + ".");
        }
        return result;
    }
}
