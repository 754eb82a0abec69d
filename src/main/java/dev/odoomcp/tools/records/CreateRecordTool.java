package dev.odoomcp.tools.records;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.Access;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.ModelCatalog;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolInputException;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code create_record}: create one record, with its lines, and answer its id and name. */
@Component
class CreateRecordTool extends OdooTool<CreateRecordTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            String model,

            @JsonPropertyDescription("id of the new record") @Min(1)
            long id,

            @JsonPropertyDescription("display name of the new record") @Nullable
            String name) {}

    private final ModelCatalog catalog;

    CreateRecordTool(OdooGateway gateway, AccessPolicy policy, ModelCatalog catalog, JsonMapper json) {
        super(gateway, policy, json);
        this.catalog = catalog;
    }

    @Override
    protected Access access() {
        return Access.WRITE;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("purchase.order");
        prop(
                input,
                "values",
                JsonSchemas.anyObject("Field values of the new record. many2one: the related id; "
                        + "one2many/many2many lines as Odoo command lists, e.g. \"order_line\": [[0, 0, {\"product_id\": 12, "
                        + "\"product_qty\": 5}]] to create lines, [[6, 0, [3, 4]]] to set links."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "values");
        return tool(
                "create_record",
                "Create an Odoo record",
                "Creates one record and returns its id and name. Resolve related records with name_search first "
                        + "and check required fields with describe_model. Example, a purchase order for supplier 14 "
                        + "with one line: {\"model\": \"purchase.order\", \"values\": {\"partner_id\": 14, "
                        + "\"order_line\": [[0, 0, {\"product_id\": 12, \"product_qty\": 5}]]}}; a timesheet entry: "
                        + "{\"model\": \"account.analytic.line\", \"values\": {\"employee_id\": 3, \"project_id\": 2, "
                        + "\"unit_amount\": 4, \"date\": \"2026-11-24\", \"name\": \"Design review\"}}. Confirm with "
                        + "the user first: this changes real data.",
                input,
                Result.class,
                Hints.writes(false, false));
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        ObjectNode values = arguments.object("values", true);
        Map<String, Object> vals = OdooValues.forWrite(values, catalog.metadata(session, model));
        JsonNode created = session.execute(OrmCalls.create(model, vals));
        long id = OdooValues.answeredId(created);
        if (id <= 0) {
            throw new ToolInputException("Odoo did not return the id of the new record.");
        }
        JsonNode names = session.execute(OrmCalls.read(model, List.of(id), List.of("display_name")));
        JsonNode name = names.path(0).path("display_name");
        return new Result(model, id, name.isString() ? name.asString() : null);
    }
}
