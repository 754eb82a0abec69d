package dev.odoomcp.tools.records;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.Domains;
import dev.odoomcp.tools.FieldInfo;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.ModelCatalog;
import dev.odoomcp.tools.ModelMetadata;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.RecordFormatter;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolInputException;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code aggregate_records}: totals and counts per group, computed by Odoo. Uses {@code read_group}
 * up to Odoo 18 and {@code formatted_read_group} from 19, and answers in one shape for both.
 */
@Component
class AggregateRecordsTool extends OdooTool<AggregateRecordsTool.Result> {

    record Result(
            String model,

            @JsonPropertyDescription("one object per group: the group-by values, '__count' and one 'field:function' "
                    + "entry per aggregate")
            List<ObjectNode> groups,

            @PositiveOrZero int returned) {}

    private static final Set<String> FUNCTIONS =
            Set.of("sum", "avg", "min", "max", "count", "count_distinct", "bool_and", "bool_or");
    private static final Set<String> GRANULARITIES = Set.of("day", "week", "month", "quarter", "year");

    private final ModelCatalog catalog;

    AggregateRecordsTool(OdooGateway gateway, AccessPolicy policy, ModelCatalog catalog, JsonMapper json) {
        super(gateway, policy, json);
        this.catalog = catalog;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("sale.order");
        prop(input, "domain", JsonSchemas.domain());
        prop(
                input,
                "group_by",
                JsonSchemas.arrayOf(
                        JsonSchemas.string(null),
                        "Fields to group by; dates may take "
                                + "a granularity: 'date_order:month' (day, week, month, quarter, year). Empty = one overall total."));
        prop(
                input,
                "aggregates",
                JsonSchemas.arrayOf(
                        JsonSchemas.string(null),
                        "What to compute, as 'field:function' "
                                + "with function sum, avg, min, max, count_distinct; e.g. ['amount_total:sum']. The record count "
                                + "(__count) is always included."));
        prop(
                input,
                "order",
                JsonSchemas.string("Order of the groups, e.g. 'amount_total:sum desc' or a group-by field."));
        prop(input, "limit", JsonSchemas.integer("Most groups to return (default 100).", 1, 1000));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model");
        return tool(
                "aggregate_records",
                "Aggregate Odoo records",
                "Computes counts, sums and averages per group inside Odoo, instead of reading many records. "
                        + "Examples: sales per state: {\"model\": \"sale.order\", \"group_by\": [\"state\"], "
                        + "\"aggregates\": [\"amount_total:sum\"]}; hours per employee this month: {\"model\": "
                        + "\"account.analytic.line\", \"domain\": [[\"date\", \">=\", \"2026-11-01\"]], \"group_by\": "
                        + "[\"employee_id\"], \"aggregates\": [\"unit_amount:sum\"]}; stock per product: {\"model\": "
                        + "\"stock.quant\", \"group_by\": [\"product_id\"], \"aggregates\": [\"quantity:sum\"]}.",
                input,
                Result.class,
                Hints.READS);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        ModelMetadata metadata = catalog.metadata(session, model);
        ArrayNode domain = Domains.parse(arguments.raw("domain"), metadata, json());
        List<String> groupBy = specs(arguments, "group_by", metadata, GRANULARITIES, "granularity");
        List<String> aggregates = specs(arguments, "aggregates", metadata, FUNCTIONS, "function");
        int limit = arguments.integer("limit", 100, 1, 1000);
        String order = order(arguments.optionalString("order"), groupBy, aggregates);
        JsonNode rows = session.execute(
                OrmCalls.groupBy(session.server(), model, OdooValues.plain(domain), groupBy, aggregates, order, limit));

        List<ObjectNode> groups = new ArrayList<>();
        for (JsonNode row : rows) {
            ObjectNode group = JsonNodeFactory.instance.objectNode();
            for (String spec : groupBy) {
                String field = spec.split(":")[0];
                group.set(spec, groupValue(metadata.field(field), row.path(row.has(spec) ? spec : field)));
            }
            group.set("__count", row.path("__count"));
            for (String spec : aggregates) {
                String field = spec.split(":")[0];
                group.set(spec, row.has(spec) ? row.get(spec) : row.path(field));
            }
            groups.add(group);
        }
        return new Result(model, groups, groups.size());
    }

    /**
     * One group-by value in the same shape on every version: many2one as {id, name}, a date group as
     * its label ("November 2026"; Odoo 19 sends [start, label], earlier versions the label).
     */
    private static JsonNode groupValue(@Nullable FieldInfo field, JsonNode value) {
        boolean date = field != null && ("date".equals(field.type()) || "datetime".equals(field.type()));
        if (date && value.isArray() && value.size() == 2 && value.get(1).isString()) {
            return value.get(1);
        }
        return RecordFormatter.value(field, value, false);
    }

    /** The order of groups: group-by specs, aggregates or __count, each optionally asc/desc. */
    private static @Nullable String order(@Nullable String order, List<String> groupBy, List<String> aggregates) {
        if (order == null || order.isBlank()) {
            return null;
        }
        for (String part : order.split(",")) {
            String[] words = part.strip().split("\\s+");
            boolean direction =
                    words.length == 2 && (words[1].equalsIgnoreCase("asc") || words[1].equalsIgnoreCase("desc"));
            String spec = words[0];
            AccessPolicy.checkNotSecret(spec.split(":")[0], "order");
            if (words.length > 2
                    || (words.length == 2 && !direction)
                    || !(groupBy.contains(spec) || aggregates.contains(spec) || "__count".equals(spec))) {
                throw new ToolInputException("Argument 'order' must name group_by fields, aggregates or __count, "
                        + "each optionally followed by asc or desc, e.g. '"
                        + (aggregates.isEmpty() ? "__count" : aggregates.get(0)) + " desc'; got '"
                        + ToolArguments.abbreviate(order) + "'.");
            }
        }
        return order.strip();
    }

    private static List<String> specs(
            ToolArguments arguments, String argument, ModelMetadata metadata, Set<String> suffixes, String suffixName) {
        ArrayNode given = arguments.array(argument);
        List<String> specs = new ArrayList<>();
        if (given == null) {
            return specs;
        }
        for (JsonNode item : given) {
            String spec = item.isString() ? item.asString().strip() : "";
            if ("__count".equals(spec)) {
                continue;
            }
            String[] parts = spec.split(":");
            if (spec.isEmpty() || parts.length > 2 || (parts.length == 2 && !suffixes.contains(parts[1]))) {
                throw new ToolInputException(
                        "Argument '" + argument + "' has '" + ToolArguments.abbreviate(item.toString())
                                + "'; write 'field' or 'field:" + suffixName + "' with " + suffixName + " one of "
                                + String.join(", ", suffixes.stream().sorted().toList()) + ".");
            }
            AccessPolicy.checkNotSecret(parts[0], argument);
            if (!metadata.has(parts[0])) {
                throw OdooValues.unknownField(metadata, parts[0]);
            }
            String type = metadata.field(parts[0]).type();
            if ("group_by".equals(argument) && parts.length == 2 && !"date".equals(type) && !"datetime".equals(type)) {
                throw new ToolInputException("Argument 'group_by' has '" + spec + "', but a granularity (:" + parts[1]
                        + ") applies only to date and datetime fields; '" + parts[0] + "' is a " + type + " field.");
            }
            if ("aggregates".equals(argument) && parts.length == 1) {
                throw new ToolInputException("Aggregate '" + spec + "' needs a function, e.g. '" + spec + ":sum'.");
            }
            specs.add(spec);
        }
        return specs;
    }
}
