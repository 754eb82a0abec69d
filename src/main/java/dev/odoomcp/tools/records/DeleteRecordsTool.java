package dev.odoomcp.tools.records;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.Access;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.ChangePreview;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.ToolArguments;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code delete_records}: remove records for good. */
@Component
class DeleteRecordsTool extends OdooTool<DeleteRecordsTool.Result> {

    record Result(String model, List<@Min(1) Long> ids, boolean deleted) {}

    private static final int MAX_IDS = 100;

    DeleteRecordsTool(OdooGateway gateway, AccessPolicy policy, JsonMapper json) {
        super(gateway, policy, json);
    }

    @Override
    protected Access access() {
        return Access.WRITE;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("res.partner");
        prop(input, "ids", JsonSchemas.ids("Ids of the records to delete (at most " + MAX_IDS + ")."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "ids");
        return tool(
                "delete_records",
                "Delete Odoo records",
                "Deletes records permanently. Many business documents cannot be deleted once confirmed: cancel "
                        + "them with call_method (e.g. button_cancel) or archive them with update_records "
                        + "{\"active\": false} instead. Deleting cannot be undone: be sure the user wants it. Example: "
                        + "{\"model\": \"res.partner\", \"ids\": [57]}.",
                input,
                Result.class,
                Hints.writes(true, true));
    }

    @Override
    protected ChangePreview preview(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        List<Long> ids = arguments.ids("ids", MAX_IDS);
        return ChangePreview.of(
                "Delete " + records(ids.size()) + " of " + model + " permanently (this cannot be " + "undone).",
                model,
                ids,
                session);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        List<Long> ids = arguments.ids("ids", MAX_IDS);
        session.execute(OrmCalls.unlink(model, ids));
        return new Result(model, ids, true);
    }
}
