package dev.odoomcp.tools.records;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.Domains;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.ModelCatalog;
import dev.odoomcp.tools.ModelMetadata;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolsProperties;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * {@code search_records}: find records with a domain and page through them. One Odoo request per call:
 * it asks for one row more than the page to know whether a next page exists, and counts all matches
 * ({@code search_count}, a second request) only when the caller asks for the total.
 */
@Component
class SearchRecordsTool extends OdooTool<SearchRecordsTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            String model,

            @JsonPropertyDescription("records matching the domain; present when count_total was true, or when this "
                    + "page reaches the last match (then it is offset + returned)")
            @PositiveOrZero
            @Nullable
            Integer total,

            @PositiveOrZero int offset,

            @JsonPropertyDescription("many2one values as {id, name}, empty values as null, datetimes in UTC")
            List<RawValue> records,

            @PositiveOrZero int returned,

            @JsonProperty("has_more") @JsonPropertyDescription("true when more records match after this page")
            boolean hasMore,

            @JsonProperty("next_offset")
            @JsonPropertyDescription("offset of the next page; present exactly when " + "has_more is true")
            @PositiveOrZero
            @Nullable
            Integer nextOffset,

            @Nullable String note) {}

    private final ModelCatalog catalog;
    private final ToolsProperties limits;

    SearchRecordsTool(
            OdooGateway gateway, AccessPolicy policy, ModelCatalog catalog, ToolsProperties limits, JsonMapper json) {
        super(gateway, policy, json);
        this.catalog = catalog;
        this.limits = limits;
    }

    @Override
    protected McpSchema.Tool define() {
        int max = limits.maxLimit();
        ObjectNode input = JsonSchemas.onModel("stock.quant");
        prop(input, "domain", JsonSchemas.domain());
        prop(input, "fields", JsonSchemas.fields());
        prop(
                input,
                "limit",
                JsonSchemas.integer(
                        "Most records to return (default " + limits.defaultLimit() + ", at most " + max + ").",
                        1,
                        max));
        prop(input, "offset", JsonSchemas.integer("Records to skip, for the next page (default 0).", 0, null));
        prop(input, "order", JsonSchemas.string("Sort order, e.g. 'date_order desc' or 'name asc, id desc'."));
        prop(
                input,
                "count_total",
                JsonSchemas.bool("Also count all matching records into 'total' (one more "
                        + "request to Odoo; default false). Without it 'total' is given only on the last page."));
        prop(
                input,
                "include_binary",
                JsonSchemas.bool("Return binary/image fields as base64 (default false: " + "only their size)."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model");
        return tool(
                "search_records",
                "Search Odoo records",
                "Finds records of a model that match a domain and returns their fields, a page at a time: when "
                        + "has_more is true, call again with offset = next_offset for the next page. Set "
                        + "count_total to true when you need the number of all matches. Without 'fields' it returns a "
                        + "short selection of the most useful fields. Examples: stock on hand in a warehouse: "
                        + "{\"model\": \"stock.quant\", \"domain\": [[\"location_id.warehouse_id.name\", \"ilike\", "
                        + "\"main\"], [\"location_id.usage\", \"=\", \"internal\"]], \"fields\": [\"product_id\", "
                        + "\"location_id\", \"quantity\"]}; this month's active projects: {\"model\": "
                        + "\"project.project\", \"domain\": [[\"active\", \"=\", true], [\"date_start\", \">=\", "
                        + "\"2026-11-01\"]]}. For totals use count_records or aggregate_records instead.",
                input,
                Result.class,
                Hints.READS);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        int limit = arguments.limit(limits.defaultLimit(), limits.maxLimit());
        int offset = arguments.integer("offset", 0, 0, Integer.MAX_VALUE);
        ModelMetadata metadata = catalog.metadata(session, model);
        ArrayNode domain = Domains.parse(arguments.raw("domain"), metadata, json());
        List<String> fields = RecordPage.fields(arguments.fieldNames("fields"), metadata);
        String order = RecordPage.order(arguments.optionalString("order"), metadata);
        boolean countTotal = arguments.flag("count_total", false);
        boolean includeBinary = arguments.flag("include_binary", false);

        // one row more than the page: whether it comes back says whether a next page exists
        JsonNode rows =
                session.execute(OrmCalls.searchRead(model, OdooValues.plain(domain), fields, offset, limit + 1, order));
        boolean beyond = rows.size() > limit;
        int fetched = Math.min(rows.size(), limit);
        Integer total = null;
        if (!beyond && (fetched > 0 || offset == 0)) {
            total = offset + fetched;
        } else if (countTotal) {
            total = session.execute(OrmCalls.searchCount(model, OdooValues.plain(domain)))
                    .asInt();
        }

        List<RawValue> records = RecordPage.fit(
                new Result(model, total, offset, List.of(), 0, beyond, offset, null),
                rows,
                limit,
                metadata,
                includeBinary,
                limits.maxResultChars(),
                json());
        int returned = records.size();
        boolean more = beyond || returned < fetched;
        return new Result(
                model,
                total,
                offset,
                records,
                returned,
                more,
                more ? offset + returned : null,
                returned < fetched
                        ? "Result cut to " + returned + " records to stay within the size budget; ask "
                                + "for fewer fields or continue with offset " + (offset + returned) + "."
                        : null);
    }
}
