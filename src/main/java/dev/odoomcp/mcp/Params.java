package dev.odoomcp.mcp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads request parameters, answering -32602 with the parameter's name when one is missing or mistyped. */
final class Params {

    private Params() {}

    static String requiredString(ObjectNode params, String name) {
        String value = optionalString(params, name);
        if (value == null || value.isEmpty()) {
            throw McpException.invalidParams("params." + name + " is required and must be a non-empty string.");
        }
        return value;
    }

    static String optionalString(ObjectNode params, String name) {
        JsonNode value = params == null ? null : params.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw McpException.invalidParams("params." + name + " must be a string.");
        }
        return value.asString();
    }

    static ObjectNode optionalObject(ObjectNode params, String name) {
        JsonNode value = params == null ? null : params.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw McpException.invalidParams("params." + name + " must be an object.");
        }
        return object;
    }
}
