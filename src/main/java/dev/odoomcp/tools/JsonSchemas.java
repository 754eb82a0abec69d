package dev.odoomcp.tools;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small builders for the JSON Schemas (draft 2020-12) of tool inputs and outputs. */
final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSchemas() {
    }

    /** An object schema; add properties with {@link #prop} and required names with {@link #required}. */
    static ObjectNode object() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.putObject("properties");
        return schema;
    }

    static ObjectNode prop(ObjectNode schema, String name, ObjectNode property) {
        ((ObjectNode) schema.get("properties")).set(name, property);
        return schema;
    }

    static ObjectNode required(ObjectNode schema, String... names) {
        ArrayNode required = schema.putArray("required");
        for (String name : names) {
            required.add(name);
        }
        return schema;
    }

    static ObjectNode closed(ObjectNode schema) {
        schema.put("additionalProperties", false);
        return schema;
    }

    static ObjectNode typed(String type, String description) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", type);
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }

    static ObjectNode string(String description) {
        return typed("string", description);
    }

    static ObjectNode integer(String description, Integer minimum, Integer maximum) {
        ObjectNode schema = typed("integer", description);
        if (minimum != null) {
            schema.put("minimum", minimum);
        }
        if (maximum != null) {
            schema.put("maximum", maximum);
        }
        return schema;
    }

    static ObjectNode bool(String description) {
        return typed("boolean", description);
    }

    static ObjectNode arrayOf(ObjectNode items, String description) {
        ObjectNode schema = typed("array", description);
        schema.set("items", items);
        return schema;
    }

    static ObjectNode anyObject(String description) {
        ObjectNode schema = typed("object", description);
        schema.put("additionalProperties", true);
        return schema;
    }

    static ObjectNode enumOf(String description, List<String> values) {
        ObjectNode schema = string(description);
        ArrayNode options = schema.putArray("enum");
        values.forEach(options::add);
        return schema;
    }

    /** An Odoo domain: a list of conditions and the operators '&', '|', '!' (Polish notation). */
    static ObjectNode domain() {
        ObjectNode schema = typed("array", "Odoo search domain: a list of conditions [field, operator, value], "
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

    static ObjectNode model(String example) {
        return string("Technical model name, e.g. '" + example + "'. Use list_models to find one.");
    }

    static ObjectNode fields() {
        return arrayOf(string(null), "Field names to return, e.g. [\"name\", \"email\"]. Leave out to get a short "
                + "selection of the most useful fields; use describe_model to see all fields.");
    }

    static ObjectNode companyIds() {
        return arrayOf(integer(null, 1, null), "Optional: ids of the companies to act in (multi-company "
                + "databases); see odoo_context for the companies the user may use.");
    }

    static ObjectNode ids(String description) {
        ObjectNode schema = arrayOf(integer(null, 1, null), description);
        schema.put("minItems", 1);
        return schema;
    }
}
