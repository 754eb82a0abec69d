package dev.odoomcp.tools;

import static dev.odoomcp.tools.JsonSchemas.object;
import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code count_records}: how many records match, without reading them. */
@Component
class CountRecordsTool extends OdooTool {

    CountRecordsTool(ToolSupport support) {
        super(support);
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = object();
        prop(input, "model", JsonSchemas.model("sale.order"));
        prop(input, "domain", JsonSchemas.domain());
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model");
        ObjectNode output = object();
        prop(output, "model", JsonSchemas.string(null));
        prop(output, "count", JsonSchemas.integer(null, 0, null));
        return new McpSchema.Tool("count_records", "Count Odoo records",
                "Counts the records of a model that match a domain, without reading them. Example: confirmed "
                        + "sales orders: {\"model\": \"sale.order\", \"domain\": [[\"state\", \"=\", \"sale\"]]}.",
                input, output, readOnlyAnnotations("Count Odoo records"));
    }

    @Override
    protected JsonNode run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        support.policy().checkRead(model);
        ArrayNode domain = Domains.parse(arguments.raw("domain"), support.metadata(session, model), support.json());
        JsonNode count = session.execute(OrmCalls.searchCount(model, OdooValues.plain(domain)));
        ObjectNode result = support.object();
        result.put("model", model);
        result.put("count", count.asLong());
        return result;
    }
}
