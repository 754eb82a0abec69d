package dev.odoomcp.tools.records;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.Access;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.ChangePreview;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.ModelCatalog;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolInputException;
import dev.odoomcp.tools.ToolsProperties;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code update_records}: write the same values on one or more records. */
@Component
class UpdateRecordsTool extends OdooTool<UpdateRecordsTool.Result> {

    record Result(String model, List<@Min(1) Long> ids, boolean updated) {}

    private final ModelCatalog catalog;
    private final ToolsProperties limits;

    UpdateRecordsTool(
            OdooGateway gateway, AccessPolicy policy, ModelCatalog catalog, ToolsProperties limits, JsonMapper json) {
        super(gateway, policy, json);
        this.catalog = catalog;
        this.limits = limits;
    }

    @Override
    protected Access access() {
        return Access.WRITE;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("account.analytic.line");
        prop(input, "ids", JsonSchemas.ids("Ids of the records to change."));
        prop(
                input,
                "values",
                JsonSchemas.anyObject("Field values to set, e.g. {\"unit_amount\": 6.5}. Lines use "
                        + "command lists: [[1, line_id, {...}]] to update a line, [[2, line_id]] to delete one."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "ids", "values");
        return tool(
                "update_records",
                "Update Odoo records",
                "Sets field values on existing records (the same values on every id). Example, correct the hours "
                        + "of a timesheet entry: {\"model\": \"account.analytic.line\", \"ids\": [31], \"values\": "
                        + "{\"unit_amount\": 6.5}}. Find ids with search_records or name_search first, and confirm "
                        + "with the user: this changes real data.",
                input,
                Result.class,
                Hints.writes(true, true));
    }

    /** A change of many records at once: where a wrong list of ids does the most harm, and no undo exists. */
    @Override
    protected boolean destructive(ToolArguments arguments) {
        return arguments.ids("ids", limits.maxLimit()).size() > confirmUpdatesAbove();
    }

    @Override
    protected ChangePreview preview(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        List<Long> ids = arguments.ids("ids", limits.maxLimit());
        values(arguments, model, session);
        return ChangePreview.of(
                        "Set the values below on " + records(ids.size()) + " of " + model + " (the old values "
                                + "are not kept).",
                        model,
                        ids,
                        session)
                .withChanges(arguments.object("values", true));
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        List<Long> ids = arguments.ids("ids", limits.maxLimit());
        session.execute(OrmCalls.write(model, ids, values(arguments, model, session)));
        return new Result(model, ids, true);
    }

    /** The values to write, checked against the model's fields. */
    private Map<String, Object> values(ToolArguments arguments, String model, OdooSession session) {
        ObjectNode values = arguments.object("values", true);
        if (values.isEmpty()) {
            throw new ToolInputException("Argument 'values' is empty: give at least one field to change.");
        }
        return OdooValues.forWrite(values, catalog.metadata(session, model));
    }
}
