package dev.odoomcp.tools;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small builders for the JSON Schemas (draft 2020-12) of tool inputs; outputs are generated from result records. */
public final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSchemas() {}

    /** An object schema; add properties with {@link #prop} and required names with {@link #required}. */
    public static ObjectNode object() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.putObject("properties");
        return schema;
    }

    /** The input schema of a tool on one model: {@link #object()} with its {@code model} argument first. */
    public static ObjectNode onModel(String example) {
        return prop(object(), "model", model(example));
    }

    public static ObjectNode prop(ObjectNode schema, String name, ObjectNode property) {
        ((ObjectNode) schema.get("properties")).set(name, property);
        return schema;
    }

    public static ObjectNode required(ObjectNode schema, String... names) {
        ArrayNode required = schema.putArray("required");
        for (String name : names) {
            required.add(name);
        }
        return schema;
    }

    public static ObjectNode closed(ObjectNode schema) {
        schema.put("additionalProperties", false);
        return schema;
    }

    public static ObjectNode typed(String type, @Nullable String description) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", type);
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }

    public static ObjectNode string(@Nullable String description) {
        return typed("string", description);
    }

    public static ObjectNode integer(
            @Nullable String description, @Nullable Integer minimum, @Nullable Integer maximum) {
        ObjectNode schema = typed("integer", description);
        if (minimum != null) {
            schema.put("minimum", minimum);
        }
        if (maximum != null) {
            schema.put("maximum", maximum);
        }
        return schema;
    }

    public static ObjectNode bool(@Nullable String description) {
        return typed("boolean", description);
    }

    public static ObjectNode arrayOf(ObjectNode items, @Nullable String description) {
        ObjectNode schema = typed("array", description);
        schema.set("items", items);
        return schema;
    }

    public static ObjectNode anyObject(@Nullable String description) {
        ObjectNode schema = typed("object", description);
        schema.put("additionalProperties", true);
        return schema;
    }

    public static ObjectNode enumOf(String description, List<String> values) {
        ObjectNode schema = string(description);
        ArrayNode options = schema.putArray("enum");
        values.forEach(options::add);
        return schema;
    }

    /** An Odoo domain: a list of conditions and the operators '&', '|', '!' (Polish notation). */
    public static ObjectNode domain() {
        ObjectNode schema = typed(
                "array",
                "Odoo search domain: a list of conditions [field, operator, value], "
                        + "combined with AND by default; put '|' before two conditions for OR, '!' before one for NOT. "
                        + "Examples: [[\"state\",\"=\",\"sale\"]], [[\"name\",\"ilike\",\"azure\"],[\"customer_rank\",\">\",0]], "
                        + "[\"|\",[\"city\",\"=\",\"Paris\"],[\"city\",\"=\",\"Lyon\"]], "
                        + "[[\"date_order\",\">=\",\"2026-11-01\"]]. Dotted paths follow relations: "
                        + "[[\"partner_id.country_id.code\",\"=\",\"BE\"]]. Empty list = all records.");
        ObjectNode operator = string("logical operator in Polish notation");
        operator.putArray("enum").add("&").add("|").add("!");
        ObjectNode condition = typed("array", "[field, operator, value]");
        condition.put("minItems", 3);
        condition.put("maxItems", 3);
        schema.putObject("items").putArray("anyOf").add(operator).add(condition);
        return schema;
    }

    public static ObjectNode model(String example) {
        return string("Technical model name, e.g. '" + example + "'. Use list_models to find one.");
    }

    public static ObjectNode fields() {
        return arrayOf(
                string(null),
                "Field names to return, e.g. [\"name\", \"email\"]. Leave out to get a short "
                        + "selection of the most useful fields; use describe_model to see all fields.");
    }

    public static ObjectNode companyIds() {
        return arrayOf(
                integer(null, 1, null),
                "Optional: ids of the companies to act in (multi-company "
                        + "databases); see odoo_context for the companies the user may use.");
    }

    public static ObjectNode ids(String description) {
        ObjectNode schema = arrayOf(integer(null, 1, null), description);
        schema.put("minItems", 1);
        return schema;
    }
}
