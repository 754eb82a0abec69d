package dev.odoomcp.tools;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Checks an Odoo domain before it reaches Odoo, so a mistake comes back as a sentence that says
 * what to fix instead of a server traceback. Accepts the JSON form and, because assistants often
 * write it, the Python form ({@code [('state', '=', 'sale')]}).
 */
public final class Domains {

    static final Set<String> OPERATORS = Set.of(
            "=",
            "!=",
            "<>",
            "<",
            ">",
            "<=",
            ">=",
            "=?",
            "=like",
            "=ilike",
            "like",
            "not like",
            "ilike",
            "not ilike",
            "in",
            "not in",
            "child_of",
            "parent_of",
            "any",
            "not any");
    private static final java.util.regex.Pattern PATH =
            java.util.regex.Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*");

    private Domains() {}

    /** The domain argument as a checked JSON array; absent means "all records". */
    public static ArrayNode parse(@Nullable JsonNode raw, @Nullable ModelMetadata metadata, JsonMapper json) {
        if (raw == null || raw.isNull()) {
            return json.createArrayNode();
        }
        JsonNode domain = raw.isString() ? fromText(raw.asString(), json) : raw;
        if (!(domain instanceof ArrayNode array)) {
            throw invalid("the domain must be a list of conditions such as [[\"state\", \"=\", \"sale\"]].");
        }
        if (array.size() == 3
                && array.get(0).isString()
                && array.get(1).isString()
                && OPERATORS.contains(array.get(1).asString())
                && !isOperator(array.get(0))) {
            ArrayNode wrapped = json.createArrayNode(); // a single condition given without the outer list
            wrapped.add(array);
            array = wrapped;
        }
        int pending = 1; // Polish notation: how many terms are still expected
        for (JsonNode term : array) {
            if (pending == 0) {
                pending = 1; // implicit AND between consecutive terms
            }
            if (isOperator(term)) {
                pending += "!".equals(term.asString()) ? 0 : 1;
            } else {
                checkCondition(term, metadata);
                pending--;
            }
        }
        if (!array.isEmpty() && pending > 0) {
            throw invalid("an operator '&', '|' or '!' is missing one of its conditions.");
        }
        return array;
    }

    private static boolean isOperator(JsonNode term) {
        return term.isString()
                && ("&".equals(term.asString()) || "|".equals(term.asString()) || "!".equals(term.asString()));
    }

    private static void checkCondition(JsonNode term, @Nullable ModelMetadata metadata) {
        if (!term.isArray() || term.size() != 3) {
            throw invalid("each condition must be [field, operator, value], got "
                    + ToolArguments.abbreviate(term.toString()) + "; combine conditions with '&', '|' or '!'.");
        }
        JsonNode left = term.get(0);
        if (left.isIntegralNumber() && (left.asInt() == 0 || left.asInt() == 1)) {
            return; // Odoo's TRUE_LEAF / FALSE_LEAF
        }
        if (!left.isString() || !PATH.matcher(left.asString()).matches()) {
            throw invalid("the field in " + ToolArguments.abbreviate(term.toString())
                    + " must be a field name or a dotted path such as partner_id.name.");
        }
        String operator = term.get(1).isString() ? term.get(1).asString() : "";
        if (!OPERATORS.contains(operator)) {
            throw invalid("unknown operator " + term.get(1) + " in " + ToolArguments.abbreviate(term.toString())
                    + "; use one of =, !=, <, >, <=, >=, in, not in, like, ilike, not ilike, =like, child_of.");
        }
        if ((operator.equals("in") || operator.equals("not in")) && !term.get(2).isArray()) {
            throw invalid(
                    "the value of '" + operator + "' must be a list, e.g. [\"state\", \"in\", [\"draft\", \"sent\"]].");
        }
        String[] path = left.asString().split("\\.");
        for (String segment : path) { // partner_id.user_ids.password is as secret as password
            AccessPolicy.checkNotSecret(segment, "a domain");
        }
        String first = path[0];
        if (metadata != null && !metadata.has(first)) {
            throw OdooValues.unknownField(metadata, first);
        }
    }

    private static JsonNode fromText(String text, JsonMapper json) {
        String candidate = text.strip();
        try {
            return json.readTree(candidate);
        } catch (JacksonException notJson) {
            String converted = candidate
                    .replace('(', '[')
                    .replace(')', ']')
                    .replace('\'', '"')
                    .replaceAll("\\bTrue\\b", "true")
                    .replaceAll("\\bFalse\\b", "false")
                    .replaceAll("\\bNone\\b", "null");
            try {
                return json.readTree(converted);
            } catch (JacksonException stillNot) {
                throw invalid("the domain is not valid JSON; write it like [[\"state\", \"=\", \"sale\"]].");
            }
        }
    }

    private static ToolInputException invalid(String message) {
        return new ToolInputException("Invalid domain: " + message);
    }
}
