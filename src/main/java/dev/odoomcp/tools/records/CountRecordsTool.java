package dev.odoomcp.tools.records;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.Domains;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.ModelCatalog;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.ToolArguments;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code count_records}: how many records match, without reading them. */
@Component
class CountRecordsTool extends OdooTool<CountRecordsTool.Result> {

    record Result(String model, @PositiveOrZero long count) {}

    private final ModelCatalog catalog;

    CountRecordsTool(OdooGateway gateway, AccessPolicy policy, ModelCatalog catalog, JsonMapper json) {
        super(gateway, policy, json);
        this.catalog = catalog;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("sale.order");
        prop(input, "domain", JsonSchemas.domain());
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model");
        return tool(
                "count_records",
                "Count Odoo records",
                "Counts the records of a model that match a domain, without reading them. Example: confirmed "
                        + "sales orders: {\"model\": \"sale.order\", \"domain\": [[\"state\", \"=\", \"sale\"]]}.",
                input,
                Result.class,
                Hints.READS);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        ArrayNode domain = Domains.parse(arguments.raw("domain"), catalog.metadata(session, model), json());
        return new Result(
                model,
                session.execute(OrmCalls.searchCount(model, OdooValues.plain(domain)))
                        .asLong());
    }
}
