package dev.odoomcp.tools.records;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
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
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code name_search}: turn a name the user said into record ids, the way Odoo's own search boxes do. */
@Component
class NameSearchTool extends OdooTool<NameSearchTool.Result> {

    record Result(String model, List<Match> matches) {}

    /** One matching record. */
    record Match(
            long id,

            @JsonPropertyDescription("the record's display name")
            String name) {}

    private final ModelCatalog catalog;

    NameSearchTool(OdooGateway gateway, AccessPolicy policy, ModelCatalog catalog, JsonMapper json) {
        super(gateway, policy, json);
        this.catalog = catalog;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("res.partner");
        prop(input, "name", JsonSchemas.string("Text to look for, e.g. 'Wood Corner' or a product code."));
        prop(input, "domain", JsonSchemas.domain());
        prop(input, "limit", JsonSchemas.integer("Most matches (default 10).", 1, 100));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "name");
        return tool(
                "name_search",
                "Find records by name",
                "Resolves a name the user mentions to record ids, matching like Odoo's search boxes (name, "
                        + "reference, code). Use it before creating or updating anything that refers to another "
                        + "record. Examples: supplier 'Wood Corner': {\"model\": \"res.partner\", \"name\": \"Wood "
                        + "Corner\", \"domain\": [[\"supplier_rank\", \">\", 0]]}; employee: {\"model\": "
                        + "\"hr.employee\", \"name\": \"Marc\"}; product: {\"model\": \"product.product\", \"name\": "
                        + "\"desk\"}. If several match, ask the user which one.",
                input,
                Result.class,
                Hints.READS);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        String name = arguments.requiredString("name");
        int limit = arguments.integer("limit", 10, 1, 100);
        ArrayNode domain = arguments.raw("domain") == null
                ? null
                : Domains.parse(arguments.raw("domain"), catalog.metadata(session, model), json());
        JsonNode pairs = session.execute(
                OrmCalls.nameSearch(model, name, domain == null ? null : OdooValues.plain(domain), "ilike", limit));
        List<Match> matches = new ArrayList<>();
        for (JsonNode pair : pairs) {
            if (pair.isArray() && pair.size() == 2) {
                matches.add(new Match(pair.get(0).asLong(), pair.get(1).asString()));
            }
        }
        return new Result(model, matches);
    }
}
