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

/** {@code create_record}: create one record, with its lines, and answer its id and name. */
@Component
class CreateRecordTool extends OdooTool {

    CreateRecordTool(ToolSupport support) {
        super(support);
    }

    @Override
    protected boolean writes() {
        return true;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = object();
        prop(input, "model", JsonSchemas.model("purchase.order"));
        prop(input, "values", JsonSchemas.anyObject("Field values of the new record. many2one: the related id; "
                + "one2many/many2many lines as Odoo command lists, e.g. \"order_line\": [[0, 0, {\"product_id\": 12, "
                + "\"product_qty\": 5}]] to create lines, [[6, 0, [3, 4]]] to set links."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "values");
        ObjectNode output = object();
        prop(output, "model", JsonSchemas.string(null));
        prop(output, "id", JsonSchemas.integer("id of the new record", 1, null));
        prop(output, "name", JsonSchemas.string("display name of the new record"));
        return new McpSchema.Tool("create_record", "Create an Odoo record",
                "Creates one record and returns its id and name. Resolve related records with name_search first "
                        + "and check required fields with describe_model. Example, a purchase order for supplier 14 "
                        + "with one line: {\"model\": \"purchase.order\", \"values\": {\"partner_id\": 14, "
                        + "\"order_line\": [[0, 0, {\"product_id\": 12, \"product_qty\": 5}]]}}; a timesheet entry: "
                        + "{\"model\": \"account.analytic.line\", \"values\": {\"employee_id\": 3, \"project_id\": 2, "
                        + "\"unit_amount\": 4, \"date\": \"2026-11-24\", \"name\": \"Design review\"}}. Confirm with "
                        + "the user first: this changes real data.",
                input, output, writeAnnotations("Create an Odoo record", false, false));
    }

    @Override
    protected JsonNode run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        support.policy().checkWrite(model, session.readOnly());
        ObjectNode values = arguments.object("values", true);
        Map<String, Object> vals = OdooValues.forWrite(values, support.metadata(session, model));
        JsonNode created = session.execute(OrmCalls.create(model, vals));
        long id = created.isArray() ? created.path(0).asLong() : created.asLong();
        if (id <= 0) {
            throw new ToolInputException("Odoo did not return the id of the new record.");
        }
        JsonNode names = session.execute(OrmCalls.read(model, List.of(id), List.of("display_name")));
        ObjectNode result = support.object();
        result.put("model", model);
        result.put("id", id);
        result.set("name", names.path(0).path("display_name"));
        return result;
    }
}
