package dev.odoomcp.odoo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between the values tools pass (plain Java or Jackson nodes) and what plain XML-RPC
 * can carry (int, double, boolean, string, struct, array: no nil, no i8 without extensions), and
 * from parsed XML-RPC answers to JSON.
 */
final class XmlRpcValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private XmlRpcValues() {}

    /** To XML-RPC. A null inside a value becomes {@code false}, Odoo's "empty". */
    static Object toXmlRpc(Object value) {
        if (value == null) {
            return Boolean.FALSE;
        }
        if (value instanceof JsonNode node) {
            return fromJson(node);
        }
        if (value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return toInt(((Number) value).longValue(), value);
        }
        if (value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Character || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> struct = new LinkedHashMap<>();
            map.forEach((k, v) -> struct.put(String.valueOf(k), toXmlRpc(v)));
            return struct;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(XmlRpcValues::toXmlRpc).toList();
        }
        if (value instanceof Object[] array) {
            return toXmlRpc(List.of(array));
        }
        throw new OdooException(
                OdooErrorKind.UNSUPPORTED,
                "A value of type " + value.getClass().getSimpleName()
                        + " cannot be sent to Odoo; use strings, numbers, booleans, lists and objects.");
    }

    private static Object fromJson(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return Boolean.FALSE;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : toInt(node.longValue(), node);
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.values().forEach(v -> list.add(fromJson(v)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> struct = new LinkedHashMap<>();
            node.properties().forEach(e -> struct.put(e.getKey(), fromJson(e.getValue())));
            return struct;
        }
        return node.asString();
    }

    private static Integer toInt(long v, Object original) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new OdooException(
                    OdooErrorKind.UNSUPPORTED,
                    "The number " + original + " is outside the 32-bit range XML-RPC can carry.");
        }
        return (int) v;
    }

    /** From a parsed XML-RPC answer. */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Object[] array) {
            ArrayNode out = NODES.arrayNode(array.length);
            for (Object item : array) {
                out.add(toJson(item));
            }
            return out;
        }
        if (value instanceof Collection<?> list) {
            return toJson(list.toArray());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = NODES.objectNode();
            Object id = map.get("id");
            if (id != null) {
                out.set("id", toJson(id));
            }
            map.forEach((k, v) -> out.set(String.valueOf(k), toJson(v)));
            return out;
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Date date) {
            return NODES.stringNode(new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(date));
        }
        if (value instanceof byte[] bytes) {
            return NODES.stringNode(Base64.getEncoder().encodeToString(bytes));
        }
        return NODES.stringNode(value.toString());
    }
}
