package dev.odoomcp.tools;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reshapes records as Odoo sends them into what an assistant reads best and cheapest: many2one as
 * {@code {id, name}}, Odoo's {@code false} for "empty" as {@code null} (except on boolean fields),
 * datetimes as ISO-8601 UTC, HTML as plain text, binary content left out unless asked for, and
 * secret-looking fields never shown.
 */
public final class RecordFormatter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordFormatter() {}

    public static ObjectNode format(JsonNode record, @Nullable ModelMetadata metadata, boolean includeBinary) {
        return format(record, metadata, includeBinary, new HashMap<>());
    }

    /**
     * As {@link #format(JsonNode, ModelMetadata, boolean)}, remembering in {@code secretByName}
     * which field names look secret: a page of records repeats the same names, and the check is a
     * regular expression (it was ~5% of a search's CPU when run for every field of every record).
     */
    public static ObjectNode format(
            JsonNode record,
            @Nullable ModelMetadata metadata,
            boolean includeBinary,
            Map<String, Boolean> secretByName) {
        ObjectNode formatted = NODES.objectNode();
        record.properties().forEach(entry -> {
            String name = entry.getKey();
            if (secretByName.computeIfAbsent(name, AccessPolicy::isSecretField)) {
                return;
            }
            FieldInfo field = metadata == null ? null : metadata.field(name);
            formatted.set(name, value(field, entry.getValue(), includeBinary));
        });
        return formatted;
    }

    /** One value reshaped by its field's type (guessed from the value when the field is unknown). */
    public static JsonNode value(@Nullable FieldInfo field, JsonNode value, boolean includeBinary) {
        String type = field == null ? guessType(value) : field.type();
        if (value.isBoolean() && !value.asBoolean() && !"boolean".equals(type)) {
            return NODES.nullNode();
        }
        switch (type) {
            case "many2one":
                if (value.isArray() && value.size() == 2) {
                    ObjectNode reference = NODES.objectNode();
                    reference.set("id", value.get(0));
                    reference.set("name", value.get(1));
                    return reference;
                }
                return value;
            case "datetime":
                return value.isString() ? NODES.stringNode(isoDatetime(value.asString())) : value;
            case "html":
                return value.isString() ? NODES.stringNode(htmlToText(value.asString())) : value;
            case "binary":
            case "image":
                if (includeBinary || !value.isString()) {
                    return value;
                }
                ObjectNode placeholder = NODES.objectNode();
                placeholder.put("binary", true);
                placeholder.put("bytes", approximateBytes(value.asString()));
                placeholder.put("note", "content left out; ask again with include_binary=true to get it as base64");
                return placeholder;
            default:
                return value;
        }
    }

    /** An Odoo datetime ({@code 2026-11-24 14:30:00}, UTC) as ISO-8601 ({@code 2026-11-24T14:30:00Z}); other text unchanged. */
    public static String isoDatetime(String odoo) {
        return odoo.length() == 19 ? odoo.replace(' ', 'T') + "Z" : odoo;
    }

    static String htmlToText(String html) {
        return HtmlText.of(html);
    }

    private static String guessType(JsonNode value) {
        return value.isArray()
                        && value.size() == 2
                        && value.get(0).isIntegralNumber()
                        && value.get(1).isString()
                ? "many2one"
                : "unknown";
    }

    private static long approximateBytes(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return base64.length() * 3L / 4;
        }
    }
}
