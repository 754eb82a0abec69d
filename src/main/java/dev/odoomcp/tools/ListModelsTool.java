package dev.odoomcp.tools;

import static dev.odoomcp.tools.JsonSchemas.object;
import static dev.odoomcp.tools.JsonSchemas.prop;

import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code list_models}: find the technical name of the model that holds what the user talks about. */
@Component
class ListModelsTool extends OdooTool {

    ListModelsTool(ToolSupport support) {
        super(support);
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = object();
        prop(input, "filter", JsonSchemas.string("Text to look for in the technical name or the label, e.g. "
                + "'purchase', 'stock', 'timesheet', 'production'. Leave out to list all."));
        prop(input, "limit", JsonSchemas.integer("Most models to return (default 50).", 1, 500));
        prop(input, "include_transient", JsonSchemas.bool("Also list wizard (transient) models. Default false."));
        ObjectNode output = object();
        prop(output, "models", JsonSchemas.arrayOf(JsonSchemas.anyObject("{model, name}"), null));
        prop(output, "total", JsonSchemas.integer("models matching the filter", 0, null));
        prop(output, "returned", JsonSchemas.integer(null, 0, null));
        return new McpSchema.Tool("list_models", "List Odoo models",
                "Lists the data models installed in this Odoo (technical name and label), to find where "
                        + "something lives: e.g. filter 'purchase' finds purchase.order (purchase orders), "
                        + "'quant' finds stock.quant (stock on hand), 'analytic.line' finds account.analytic.line "
                        + "(timesheets), 'mrp.production' (manufacturing orders). Then use describe_model.",
                input, output, readOnlyAnnotations("List Odoo models"));
    }

    @Override
    protected JsonNode run(ToolArguments arguments, OdooSession session) {
        String filter = arguments.optionalString("filter");
        int limit = arguments.integer("limit", 50, 1, 500);
        List<Object> domain = new ArrayList<>();
        if (!arguments.flag("include_transient", false)) {
            domain.add(List.of("transient", "=", false));
        }
        List<String> denied = support.policy().deniedModelNames();
        domain.add(List.of("model", "not in", denied)); // so that denied models take no room in the page
        if (filter != null && !filter.isBlank()) {
            domain.add("|");
            domain.add(List.of("model", "ilike", filter.strip()));
            domain.add(List.of("name", "ilike", filter.strip()));
        }
        JsonNode rows = session.execute(OrmCalls.searchRead("ir.model", domain, List.of("model", "name"), null, limit,
                "model"));
        ObjectNode result = support.object();
        ArrayNode models = result.putArray("models");
        for (JsonNode row : rows) {
            String model = row.path("model").asString();
            if (!support.policy().readable(model)) {
                continue; // wildcard patterns and the allow-list are applied here
            }
            models.addObject().put("model", model).put("name", row.path("name").asString());
        }
        int total = rows.size() < limit ? rows.size()
                : session.execute(OrmCalls.searchCount("ir.model", domain)).asInt();
        result.put("total", total);
        result.put("returned", models.size());
        if (total > rows.size()) {
            result.put("note", "Showing " + rows.size() + " of " + total + " models; narrow the filter or raise the limit.");
        }
        return result;
    }
}
