package dev.odoomcp.tools.models;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.FieldInfo;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.ModelCatalog;
import dev.odoomcp.tools.ModelMetadata;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.ToolArguments;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code describe_model}: the fields of a model, reduced to what is needed to read and write it. Also answers {@code odoo://{model}/fields}. */
@Component
public class DescribeModelTool extends OdooTool<DescribeModelTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            String model,

            @JsonPropertyDescription("required fields first")
            List<Field> fields,

            @JsonProperty("field_count") @PositiveOrZero int fieldCount,
            @Nullable String note) {}

    /**
     * One field, as {@link FieldInfo} says it; {@code required} and {@code readonly} only when true,
     * {@code help} only when asked for.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Field(
            String name,
            String label,
            String type,
            @Nullable Boolean required,
            @Nullable Boolean readonly,

            @JsonPropertyDescription("target model of a relational field") @Nullable
            String relation,

            @JsonPropertyDescription("allowed values of a selection field as [value, label] pairs") @Nullable
            List<List<String>> selection,

            @Nullable String help) {

        static Field of(FieldInfo field, boolean help) {
            return new Field(
                    field.name(),
                    field.label(),
                    field.type(),
                    field.required() ? true : null,
                    field.readonly() ? true : null,
                    field.relation(),
                    field.selection(),
                    help ? field.help() : null);
        }
    }

    private static final List<String> TECHNICAL_PREFIXES =
            List.of("message_", "activity_", "website_message", "rating_", "access_");

    private final ModelCatalog catalog;

    DescribeModelTool(OdooGateway gateway, AccessPolicy policy, ModelCatalog catalog, JsonMapper json) {
        super(gateway, policy, json);
        this.catalog = catalog;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("purchase.order");
        prop(
                input,
                "fields",
                JsonSchemas.arrayOf(
                        JsonSchemas.string(null),
                        "Only describe these fields "
                                + "(their help texts are included then). Leave out for all fields."));
        prop(
                input,
                "include_help",
                JsonSchemas.bool(
                        "Include each field's help text (longer). Default false " + "unless fields are given."));
        required(input, "model");
        return tool(
                "describe_model",
                "Describe an Odoo model",
                "Shows the fields of a model: technical name, label, type (char, integer, float, monetary, date, "
                        + "datetime, boolean, selection, many2one, one2many, many2many, html, binary), whether it is "
                        + "required or read-only, the related model of relational fields, and the allowed values of "
                        + "selection fields. Required fields come first. Call it before create_record (to know what "
                        + "is required) or when a search needs a field you are unsure of. Example: "
                        + "{\"model\": \"purchase.order\"}.",
                input,
                Result.class,
                Hints.READS);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        List<String> only = arguments.fieldNames("fields");
        boolean help = arguments.flag("include_help", only != null);
        ModelMetadata metadata = catalog.metadata(session, model);
        if (only != null) {
            for (String name : only) {
                if (!metadata.has(name)) {
                    throw OdooValues.unknownField(metadata, name);
                }
            }
        }
        List<Field> fields = new ArrayList<>();
        int technical = 0;
        for (FieldInfo field : metadata.describe(only).values()) {
            if (only == null && TECHNICAL_PREFIXES.stream().anyMatch(field.name()::startsWith)) {
                technical++;
                continue;
            }
            fields.add(Field.of(field, help));
        }
        return new Result(
                model,
                fields,
                fields.size(),
                technical > 0
                        ? technical + " technical fields (message_*, "
                                + "activity_*, ...) are left out; name them in 'fields' to see them."
                        : null);
    }
}
