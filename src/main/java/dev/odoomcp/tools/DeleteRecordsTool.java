package dev.odoomcp.tools;

import static dev.odoomcp.tools.JsonSchemas.object;
import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code delete_records}: remove records for good. */
@Component
class DeleteRecordsTool extends OdooTool {

    private static final int MAX_IDS = 100;

    DeleteRecordsTool(ToolSupport support) {
        super(support);
    }

    @Override
    protected boolean writes() {
        return true;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = object();
        prop(input, "model", JsonSchemas.model("res.partner"));
        prop(input, "ids", JsonSchemas.ids("Ids of the records to delete (at most " + MAX_IDS + ")."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "ids");
        ObjectNode output = object();
        prop(output, "model", JsonSchemas.string(null));
        prop(output, "ids", JsonSchemas.arrayOf(JsonSchemas.integer(null, 1, null), null));
        prop(output, "deleted", JsonSchemas.bool(null));
        return new McpSchema.Tool("delete_records", "Delete Odoo records",
                "Deletes records permanently. Many business documents cannot be deleted once confirmed: cancel "
                        + "them with call_method (e.g. button_cancel) or archive them with update_records "
                        + "{\"active\": false} instead. Always confirm with the user first. Example: {\"model\": "
                        + "\"res.partner\", \"ids\": [57]}.",
                input, output, writeAnnotations("Delete Odoo records", true, true));
    }

    @Override
    protected JsonNode run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        support.policy().checkWrite(model, session.readOnly());
        List<Long> ids = arguments.ids("ids", MAX_IDS);
        session.execute(OrmCalls.unlink(model, ids));
        ObjectNode result = support.object();
        result.put("model", model);
        result.set("ids", support.json().valueToTree(ids));
        result.put("deleted", true);
        return result;
    }
}
