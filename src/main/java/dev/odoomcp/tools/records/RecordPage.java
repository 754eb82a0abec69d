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
import tools.jackson.databind.util.RawValue;

/**
 * Formats records for a result and keeps the result inside the size budget: records past the
 * budget are left out, and the result says so and where to continue. Each record is written as
 * JSON once, here: its size is measured on those characters and the result embeds them as they
 * are ({@link RawValue}), so a record is never serialized again.
 */
final class RecordPage {

    private static final Pattern ORDER_PART =
            Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)(\\s+(?i:asc|desc))?(\\s+(?i:nulls\\s+(?:first|last)))?\\s*");

    private RecordPage() {}

    /**
     * The first {@code max} of the {@code rows}, formatted and written as JSON, that fit in the budget
     * next to {@code page} (the result without its records); always at least one when there are rows.
     */
    static List<RawValue> fit(
            Record page,
            JsonNode rows,
            int max,
            ModelMetadata metadata,
            boolean includeBinary,
            int budget,
            JsonMapper json) {
        List<RawValue> records = new ArrayList<>();
        int used = json.writeValueAsString(page).length() + 200;
        Map<String, Boolean> secretByName = new HashMap<>();
        for (JsonNode row : rows) {
            if (records.size() == max) {
                break;
            }
            String formatted =
                    json.writeValueAsString(RecordFormatter.format(row, metadata, includeBinary, secretByName));
            int size = formatted.length() + 1;
            if (used + size > budget && !records.isEmpty()) {
                break;
            }
            if (used + size > budget) {
                throw new ToolInputException("A single record is larger than this server's result budget (" + budget
                        + " characters); ask for fewer fields.");
            }
            records.add(new RawValue(formatted));
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
