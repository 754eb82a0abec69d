package dev.odoomcp.tools;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns JSON from the assistant into the values Odoo's wire protocols carry: {@code null} becomes
 * {@code false} (Odoo's "empty"; XML-RPC cannot carry null), integers fit XML-RPC's 32-bit int,
 * a many2one given back as {@code {id, name}} or {@code [id, name]} becomes its id, and ISO-8601
 * datetimes become Odoo's UTC {@code YYYY-MM-DD HH:MM:SS}.
 */
public final class OdooValues {

    private static final DateTimeFormatter ODOO_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern ISO_DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");

    private OdooValues() {}

    /** Plain conversion of any JSON value (domains, kwargs). */
    public static Object plain(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            long value = node.asLong();
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
        return map;
    }

    /**
     * The id in an answer that names one record: an int (create with one dict, an {@code @api.returns}
     * method up to 18) or a list of one id (create with a list, a recordset answered on 19); 0 when none.
     */
    public static long answeredId(JsonNode answer) {
        return answer.isArray() ? answer.path(0).asLong(0) : answer.asLong(0);
    }

    /** A text value Odoo sent, or null for its {@code false} ("empty") and blank text. */
    public static @Nullable String text(JsonNode value) {
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    /** Values for create/write, checked against the model's fields and shaped by field type. */
    public static Map<String, Object> forWrite(JsonNode values, ModelMetadata metadata) {
        Map<String, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : values.properties()) {
            String name = entry.getKey();
            AccessPolicy.checkNotSecret(name, "values");
            FieldInfo field = metadata.field(name);
            if (field == null) {
                throw unknownField(metadata, name);
            }
            checkNestedKeys(entry.getValue());
            converted.put(name, forField(field, entry.getValue()));
        }
        return converted;
    }

    /** Lines in command lists ([[0, 0, {...}]]) carry field names too: none may look like a secret. */
    private static void checkNestedKeys(JsonNode value) {
        value.properties().forEach(e -> {
            AccessPolicy.checkNotSecret(e.getKey(), "values");
            checkNestedKeys(e.getValue());
        });
        if (value.isArray()) {
            value.forEach(OdooValues::checkNestedKeys);
        }
    }

    /** "No such field", with the closest field names or a pointer to describe_model. */
    public static ToolInputException unknownField(ModelMetadata metadata, String name) {
        List<String> close = metadata.suggestions(name);
        return new ToolInputException("Model '" + metadata.model() + "' has no field '" + name + "'"
                + (close.isEmpty()
                        ? ""
                        : "; did you mean "
                                + String.join(
                                        " or ",
                                        close.stream().map(s -> "'" + s + "'").toList()) + "?")
                + (close.isEmpty() ? ". Call describe_model to see its fields." : ""));
    }

    private static Object forField(FieldInfo field, JsonNode value) {
        if ("many2one".equals(field.type())) {
            if (value.isObject() && value.path("id").isIntegralNumber()) {
                return plain(value.get("id"));
            }
            if (value.isArray()
                    && value.size() == 2
                    && value.get(0).isIntegralNumber()
                    && value.get(1).isString()) {
                return plain(value.get(0));
            }
        }
        if ("datetime".equals(field.type())
                && value.isString()
                && ISO_DATETIME.matcher(value.asString()).matches()) {
            return toOdooDatetime(value.asString());
        }
        return plain(value);
    }

    private static String toOdooDatetime(String iso) {
        try {
            String text = iso.matches(".*(Z|[+-]\\d{2}:?\\d{2})$") ? iso : iso + "Z";
            return OffsetDateTime.parse(text.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2"))
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .format(ODOO_DATETIME);
        } catch (DateTimeParseException e) {
            throw new ToolInputException("'" + iso + "' is not a valid date and time; use 2026-11-24T14:30:00Z "
                    + "(UTC) or 2026-11-24 14:30:00.");
        }
    }
}
