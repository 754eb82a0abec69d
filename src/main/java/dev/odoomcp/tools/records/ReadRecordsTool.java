package dev.odoomcp.tools.records;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.ModelCatalog;
import dev.odoomcp.tools.ModelMetadata;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolsProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** {@code read_records}: the fields of records whose ids are known. Also answers {@code odoo://{model}/{id}}. */
@Component
public class ReadRecordsTool extends OdooTool<ReadRecordsTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            String model,
            List<RawValue> records,

            @JsonProperty("missing_ids")
            @JsonPropertyDescription("ids that do not exist or are not visible to the user")
            @Nullable
            List<Long> missingIds,

            @Nullable String note) {}

    private final ModelCatalog catalog;
    private final ToolsProperties limits;

    ReadRecordsTool(
            OdooGateway gateway, AccessPolicy policy, ModelCatalog catalog, ToolsProperties limits, JsonMapper json) {
        super(gateway, policy, json);
        this.catalog = catalog;
        this.limits = limits;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("res.partner");
        prop(input, "ids", JsonSchemas.ids("Ids of the records to read, e.g. [7, 12]."));
        prop(input, "fields", JsonSchemas.fields());
        prop(input, "include_binary", JsonSchemas.bool("Return binary/image fields as base64 (default false)."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "ids");
        return tool(
                "read_records",
                "Read Odoo records by id",
                "Reads records whose ids you already have (from search_records, name_search or a many2one "
                        + "value). Example: {\"model\": \"purchase.order\", \"ids\": [42], \"fields\": [\"name\", "
                        + "\"partner_id\", \"state\", \"amount_total\", \"order_line\"]}. Without 'fields' a short "
                        + "selection of useful fields is returned.",
                input,
                Result.class,
                Hints.READS);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        List<Long> ids = arguments.ids("ids", limits.maxLimit());
        ModelMetadata metadata = catalog.metadata(session, model);
        List<String> fields = RecordPage.fields(arguments.fieldNames("fields"), metadata);
        boolean includeBinary = arguments.flag("include_binary", false);
        // search_read on the ids instead of read: ids that vanished are simply not returned.
        JsonNode rows = session.execute(OrmCalls.searchRead(
                model,
                List.of(List.of("id", "in", ids.stream().map(Long::intValue).toList())),
                fields,
                null,
                null,
                null));
        List<RawValue> records = RecordPage.fit(
                new Result(model, List.of(), null, null),
                rows,
                rows.size(),
                metadata,
                includeBinary,
                limits.maxResultChars(),
                json());
        Set<Long> found = new HashSet<>();
        rows.forEach(row -> found.add(row.path("id").asLong()));
        List<Long> missing = new ArrayList<>(ids);
        missing.removeAll(found);
        return new Result(
                model,
                records,
                missing.isEmpty() ? null : missing,
                records.size() < rows.size()
                        ? "Only " + records.size() + " of " + rows.size() + " records fit in the "
                                + "size budget; read the rest in another call or ask for fewer fields."
                        : null);
    }
}
