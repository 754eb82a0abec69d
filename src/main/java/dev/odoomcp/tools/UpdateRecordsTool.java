package dev.odoomcp.tools;

import static dev.odoomcp.tools.JsonSchemas.object;
import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code update_records}: write the same values on one or more records. */
@Component
class UpdateRecordsTool extends OdooTool {

    UpdateRecordsTool(ToolSupport support) {
        super(support);
    }

    @Override
    protected boolean writes() {
        return true;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = object();
        prop(input, "model", JsonSchemas.model("account.analytic.line"));
        prop(input, "ids", JsonSchemas.ids("Ids of the records to change."));
        prop(input, "values", JsonSchemas.anyObject("Field values to set, e.g. {\"unit_amount\": 6.5}. Lines use "
                + "command lists: [[1, line_id, {...}]] to update a line, [[2, line_id]] to delete one."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "ids", "values");
        ObjectNode output = object();
        prop(output, "model", JsonSchemas.string(null));
        prop(output, "ids", JsonSchemas.arrayOf(JsonSchemas.integer(null, 1, null), null));
        prop(output, "updated", JsonSchemas.bool(null));
        return new McpSchema.Tool("update_records", "Update Odoo records",
                "Sets field values on existing records (the same values on every id). Example, correct the hours "
                        + "of a timesheet entry: {\"model\": \"account.analytic.line\", \"ids\": [31], \"values\": "
                        + "{\"unit_amount\": 6.5}}. Find ids with search_records or name_search first, and confirm "
                        + "with the user: this changes real data.",
                input, output, writeAnnotations("Update Odoo records", true, true));
    }

    @Override
    protected JsonNode run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        support.policy().checkWrite(model, session.readOnly());
        List<Long> ids = arguments.ids("ids", support.properties().maxLimit());
        ObjectNode values = arguments.object("values", true);
        if (values.isEmpty()) {
            throw new ToolInputException("Argument 'values' is empty: give at least one field to change.");
        }
        Map<String, Object> vals = OdooValues.forWrite(values, support.metadata(session, model));
        session.execute(OrmCalls.write(model, ids, vals));
        ObjectNode result = support.object();
        result.put("model", model);
        result.set("ids", support.json().valueToTree(ids));
        result.put("updated", true);
        return result;
    }
}
