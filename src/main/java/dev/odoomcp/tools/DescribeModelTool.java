package dev.odoomcp.tools;

import static dev.odoomcp.tools.JsonSchemas.object;
import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import dev.odoomcp.mcp.McpSchema;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code describe_model}: the fields of a model, reduced to what is needed to read and write it. */
@Component
class DescribeModelTool extends OdooTool {

    private static final List<String> TECHNICAL_PREFIXES = List.of("message_", "activity_", "website_message",
            "rating_", "access_");

    DescribeModelTool(ToolSupport support) {
        super(support);
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = object();
        prop(input, "model", JsonSchemas.model("purchase.order"));
        prop(input, "fields", JsonSchemas.arrayOf(JsonSchemas.string(null), "Only describe these fields "
                + "(their help texts are included then). Leave out for all fields."));
        prop(input, "include_help", JsonSchemas.bool("Include each field's help text (longer). Default false "
                + "unless fields are given."));
        required(input, "model");
        ObjectNode output = object();
        prop(output, "model", JsonSchemas.string(null));
        prop(output, "fields", JsonSchemas.arrayOf(JsonSchemas.anyObject("{name, label, type, required, readonly, "
                + "relation, selection, help}"), "required fields first"));
        prop(output, "field_count", JsonSchemas.integer(null, 0, null));
        return new McpSchema.Tool("describe_model", "Describe an Odoo model",
                "Shows the fields of a model: technical name, label, type (char, integer, float, monetary, date, "
                        + "datetime, boolean, selection, many2one, one2many, many2many, html, binary), whether it is "
                        + "required or read-only, the related model of relational fields, and the allowed values of "
                        + "selection fields. Required fields come first. Call it before create_record (to know what "
                        + "is required) or when a search needs a field you are unsure of. Example: "
                        + "{\"model\": \"purchase.order\"}.",
                input, output, readOnlyAnnotations("Describe an Odoo model"));
    }

    @Override
    protected JsonNode run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        support.policy().checkRead(model);
        List<String> only = arguments.fieldNames("fields");
        boolean help = arguments.flag("include_help", only != null);
        ModelMetadata metadata = support.metadata(session, model);
        if (only != null) {
            for (String name : only) {
                if (!metadata.has(name)) {
                    throw OdooValues.unknownField(metadata, name);
                }
            }
        }
        ObjectNode result = support.object();
        result.put("model", model);
        ArrayNode fields = result.putArray("fields");
        int technical = 0;
        for (Map.Entry<String, FieldInfo> entry : metadata.describe(only).entrySet()) {
            FieldInfo field = entry.getValue();
            if (only == null && TECHNICAL_PREFIXES.stream().anyMatch(field.name()::startsWith)) {
                technical++;
                continue;
            }
            ObjectNode node = support.json().valueToTree(field);
            node.remove("stored");
            if (!help || field.help() == null) {
                node.remove("help");
            }
            if (!field.required()) {
                node.remove("required");
            }
            if (!field.readonly()) {
                node.remove("readonly");
            }
            fields.add(node);
        }
        result.put("field_count", fields.size());
        if (technical > 0) {
            result.put("note", technical + " technical fields (message_*, activity_*, ...) are left out; name them "
                    + "in 'fields' to see them.");
        }
        return result;
    }
}
