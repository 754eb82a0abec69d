package dev.odoomcp.tools.records;

import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.ModelMetadata;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.RecordFormatter;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Formats records for a result and keeps the result inside the size budget: records past the
 * budget are left out, and the result says so and where to continue.
 */
final class RecordPage {

    private static final Pattern ORDER_PART = Pattern.compile(
            "\\s*([a-zA-Z_][a-zA-Z0-9_]*)(\\s+(?i:asc|desc))?(\\s+(?i:nulls\\s+(?:first|last)))?\\s*");

    private RecordPage() {
    }

    /**
     * The {@code rows}, formatted, that fit in the budget next to {@code page} (the result without its
     * records); always at least one.
     */
    static List<ObjectNode> fit(Record page, JsonNode rows, ModelMetadata metadata, boolean includeBinary, int budget,
            JsonMapper json) {
        List<ObjectNode> records = new ArrayList<>();
        int used = json.writeValueAsString(page).length() + 200;
        Map<String, Boolean> secretByName = new HashMap<>();
        for (JsonNode row : rows) {
            ObjectNode formatted = RecordFormatter.format(row, metadata, includeBinary, secretByName);
            int size = json.writeValueAsString(formatted).length() + 1;
            if (used + size > budget && !records.isEmpty()) {
                break;
            }
            if (used + size > budget) {
                throw new ToolInputException("A single record is larger than this server's result budget ("
                        + budget + " characters); ask for fewer fields.");
            }
            records.add(formatted);
            used += size;
        }
        return records;
    }

    /** Fields to read: the ones asked for (checked), or a short default selection. */
    static List<String> fields(@Nullable List<String> requested, ModelMetadata metadata) {
        if (requested == null || requested.isEmpty()) {
            return metadata.defaultFields();
        }
        for (String field : requested) {
            AccessPolicy.checkNotSecret(field, "fields");
            if (!metadata.has(field) && !"id".equals(field)) {
                throw OdooValues.unknownField(metadata, field);
            }
        }
        return requested;
    }

    /** An order clause such as {@code date_order desc, name}, checked against the model's fields. */
    static @Nullable String order(@Nullable String order, ModelMetadata metadata) {
        if (order == null || order.isBlank()) {
            return null;
        }
        for (String part : order.split(",")) {
            Matcher matcher = ORDER_PART.matcher(part);
            if (!matcher.matches()) {
                throw new ToolInputException("Argument 'order' must look like 'date_order desc, name'; got '"
                        + ToolArguments.abbreviate(order) + "'.");
            }
            String field = matcher.group(1);
            AccessPolicy.checkNotSecret(field, "order");
            if (!metadata.has(field) && !"id".equals(field)) {
                throw OdooValues.unknownField(metadata, field);
            }
        }
        return order.strip();
    }
}
