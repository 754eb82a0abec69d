package dev.odoomcp.tools.models;

import static dev.odoomcp.tools.JsonSchemas.object;
import static dev.odoomcp.tools.JsonSchemas.prop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.Access;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.ToolArguments;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code list_models}: find the technical name of the model that holds what the user talks about. */
@Component
class ListModelsTool extends OdooTool<ListModelsTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            List<Entry> models,

            @JsonPropertyDescription("models matching the filter") @PositiveOrZero
            int total,

            @PositiveOrZero int returned,
            @Nullable String note) {}

    /** One model: technical name and label. */
    record Entry(String model, String name) {}

    ListModelsTool(OdooGateway gateway, AccessPolicy policy, JsonMapper json) {
        super(gateway, policy, json);
    }

    /** Names no model: it reads ir.model and leaves out what the policy refuses. */
    @Override
    protected Access access() {
        return Access.NONE;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = object();
        prop(
                input,
                "filter",
                JsonSchemas.string("Text to look for in the technical name or the label, e.g. "
                        + "'purchase', 'stock', 'timesheet', 'production'. Leave out to list all."));
        prop(input, "limit", JsonSchemas.integer("Most models to return (default 50).", 1, 500));
        prop(input, "include_transient", JsonSchemas.bool("Also list wizard (transient) models. Default false."));
        return tool(
                "list_models",
                "List Odoo models",
                "Lists the data models installed in this Odoo (technical name and label), to find where "
                        + "something lives: e.g. filter 'purchase' finds purchase.order (purchase orders), "
                        + "'quant' finds stock.quant (stock on hand), 'analytic.line' finds account.analytic.line "
                        + "(timesheets), 'mrp.production' (manufacturing orders). Then use describe_model.",
                input,
                Result.class,
                Hints.READS);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String filter = arguments.optionalString("filter");
        int limit = arguments.integer("limit", 50, 1, 500);
        List<Object> domain = new ArrayList<>();
        if (!arguments.flag("include_transient", false)) {
            domain.add(List.of("transient", "=", false));
        }
        domain.add(List.of("model", "not in", policy().deniedModelNames())); // so that denied models take no room
        if (filter != null && !filter.isBlank()) {
            domain.add("|");
            domain.add(List.of("model", "ilike", filter.strip()));
            domain.add(List.of("name", "ilike", filter.strip()));
        }
        JsonNode rows = session.execute(
                OrmCalls.searchRead("ir.model", domain, List.of("model", "name"), null, limit, "model"));
        List<Entry> models = new ArrayList<>();
        for (JsonNode row : rows) {
            String model = row.path("model").asString();
            if (policy().readable(model)) { // wildcard patterns and the allow-list are applied here
                models.add(new Entry(model, row.path("name").asString()));
            }
        }
        int total = rows.size() < limit
                ? rows.size()
                : session.execute(OrmCalls.searchCount("ir.model", domain)).asInt();
        return new Result(
                models,
                total,
                models.size(),
                total > rows.size()
                        ? "Showing " + rows.size() + " of " + total + " models; narrow the filter or raise the limit."
                        : null);
    }
}
