package dev.odoomcp.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Typed reads of a tool's arguments with messages that name the argument and the expected shape. */
public record ToolArguments(ObjectNode json) {

    private static final Pattern MODEL = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    private static final Pattern FIELD = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public String requiredString(String name) {
        String value = optionalString(name);
        if (value == null || value.isBlank()) {
            throw new ToolInputException("Argument '" + name + "' is required (a non-empty string).");
        }
        return value;
    }

    public @Nullable String optionalString(String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new ToolInputException("Argument '" + name + "' must be a string.");
        }
        return value.asString();
    }

    /** An Odoo model name such as {@code res.partner}. */
    public String model() {
        String model = requiredString("model").trim();
        if (model.length() > 128 || !MODEL.matcher(model).matches()) {
            throw new ToolInputException("Argument 'model' must be an Odoo model name such as 'res.partner' or "
                    + "'sale.order' (lower case, dots between words); got '" + abbreviate(model) + "'.");
        }
        return model;
    }

    public int limit(int defaultLimit, int maxLimit) {
        return integer("limit", defaultLimit, 1, maxLimit);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw new ToolInputException("Argument '" + name + "' must be an integer from " + min + " to " + max + ".");
        }
        return value.asInt();
    }

    public boolean flag(String name, boolean defaultValue) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw new ToolInputException("Argument '" + name + "' must be true or false.");
        }
        return value.asBoolean();
    }

    /** Record ids: a non-empty list of positive integers (a single integer is accepted too). */
    public List<Long> ids(String name, int max) {
        JsonNode value = json.get(name);
        if (value != null && value.isIntegralNumber()) {
            value = json.arrayNode().add(value.asLong());
        }
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new ToolInputException("Argument '" + name + "' is required: a list of record ids such as [7, 12].");
        }
        if (value.size() > max) {
            throw new ToolInputException("Argument '" + name + "' has " + value.size() + " ids; at most " + max
                    + " are allowed in one call.");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : value) {
            if (!id.isIntegralNumber() || id.asLong() <= 0) {
                throw new ToolInputException("Argument '" + name + "' must contain positive integer ids only; got "
                        + abbreviate(id.toString()) + ".");
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    /** One record id: a positive integer, required. */
    public long id(String name) {
        Long id = optionalId(name);
        if (id == null) {
            throw new ToolInputException("Argument '" + name + "' is required: the id of a record, such as 42.");
        }
        return id;
    }

    /** One record id, or null when the argument is absent. */
    public @Nullable Long optionalId(String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() <= 0 || value.asLong() > Integer.MAX_VALUE) {
            throw new ToolInputException("Argument '" + name + "' must be a record id (a positive integer); got "
                    + abbreviate(value.toString()) + ".");
        }
        return value.asLong();
    }

    /** A calendar date {@code YYYY-MM-DD}, or null when the argument is absent. */
    public java.time.@Nullable LocalDate date(String name) {
        String value = optionalString(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ToolInputException("Argument '" + name + "' must be a date such as 2026-12-18 (YYYY-MM-DD); got '"
                    + abbreviate(value) + "'.");
        }
    }

    /** Field names, or null when the argument is absent. */
    public @Nullable List<String> fieldNames(String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) { // "name,email" is a common shorthand
            value = json.arrayNode()
                    .addAll(java.util.Arrays.stream(value.asString().split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .map(s -> json.stringNode(s))
                            .toList());
        }
        if (!value.isArray()) {
            throw new ToolInputException(
                    "Argument '" + name + "' must be a list of field names such as [\"name\", \"email\"].");
        }
        List<String> fields = new ArrayList<>();
        for (JsonNode field : value) {
            if (!field.isString() || !FIELD.matcher(field.asString()).matches()) {
                throw new ToolInputException("Argument '" + name + "' must contain field names (letters, digits, "
                        + "underscores); got " + abbreviate(field.toString()) + ".");
            }
            fields.add(field.asString());
        }
        return fields;
    }

    /** The object argument {@code name}; null only when it is absent and not required. */
    public @Nullable ObjectNode object(String name, boolean required) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new ToolInputException(
                        "Argument '" + name + "' is required: a JSON object such as {\"name\": \"...\"}.");
            }
            return null;
        }
        if (!(value instanceof ObjectNode object)) {
            throw new ToolInputException("Argument '" + name + "' must be a JSON object.");
        }
        return object;
    }

    public @Nullable ArrayNode array(String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!(value instanceof ArrayNode array)) {
            throw new ToolInputException("Argument '" + name + "' must be a JSON array.");
        }
        return array;
    }

    public @Nullable JsonNode raw(String name) {
        return json.get(name);
    }

    /** Optional {@code company_ids}: companies to act in (sets {@code allowed_company_ids}). */
    public List<Long> companyIds() {
        return json.has("company_ids") && !json.get("company_ids").isNull() ? ids("company_ids", 50) : List.of();
    }

    public static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
