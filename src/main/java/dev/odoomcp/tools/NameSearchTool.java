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

/** {@code name_search}: turn a name the user said into record ids, the way Odoo's own search boxes do. */
@Component
class NameSearchTool extends OdooTool {

    NameSearchTool(ToolSupport support) {
        super(support);
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = object();
        prop(input, "model", JsonSchemas.model("res.partner"));
        prop(input, "name", JsonSchemas.string("Text to look for, e.g. 'Wood Corner' or a product code."));
        prop(input, "domain", JsonSchemas.domain());
        prop(input, "limit", JsonSchemas.integer("Most matches (default 10).", 1, 100));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "name");
        ObjectNode output = object();
        prop(output, "model", JsonSchemas.string(null));
        prop(output, "matches", JsonSchemas.arrayOf(JsonSchemas.anyObject("{id, name}"), null));
        return new McpSchema.Tool("name_search", "Find records by name",
                "Resolves a name the user mentions to record ids, matching like Odoo's search boxes (name, "
                        + "reference, code). Use it before creating or updating anything that refers to another "
                        + "record. Examples: supplier 'Wood Corner': {\"model\": \"res.partner\", \"name\": \"Wood "
                        + "Corner\", \"domain\": [[\"supplier_rank\", \">\", 0]]}; employee: {\"model\": "
                        + "\"hr.employee\", \"name\": \"Marc\"}; product: {\"model\": \"product.product\", \"name\": "
                        + "\"desk\"}. If several match, ask the user which one.",
                input, output, readOnlyAnnotations("Find records by name"));
    }

    @Override
    protected JsonNode run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        support.policy().checkRead(model);
        String name = arguments.requiredString("name");
        int limit = arguments.integer("limit", 10, 1, 100);
        ArrayNode domain = arguments.raw("domain") == null ? null
                : Domains.parse(arguments.raw("domain"), support.metadata(session, model), support.json());
        JsonNode pairs = session.execute(OrmCalls.nameSearch(model, name, domain == null ? null
                : OdooValues.plain(domain), "ilike", limit));
        ObjectNode result = support.object();
        result.put("model", model);
        ArrayNode matches = result.putArray("matches");
        for (JsonNode pair : pairs) {
            if (pair.isArray() && pair.size() == 2) {
                matches.addObject().put("id", pair.get(0).asLong()).set("name", pair.get(1));
            }
        }
        return result;
    }

}
