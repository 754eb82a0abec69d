package dev.odoomcp.odoo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Converts between the values tools pass (plain Java or Jackson nodes) and what plain XML-RPC
 * can carry (int, double, boolean, string, struct, array: no nil, no i8), for {@link XmlRpcWire}
 * to write. Answers are parsed straight into JSON by {@link XmlRpcWire}.
 */
final class XmlRpcValues {

    private XmlRpcValues() {
    }

    /** To XML-RPC. A null inside a value becomes {@code false}, Odoo's "empty". */
    static Object toXmlRpc(Object value) {
        if (value == null) {
            return Boolean.FALSE;
        }
        if (value instanceof JsonNode node) {
            return fromJson(node);
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Double) {
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
        throw new OdooException(OdooErrorKind.UNSUPPORTED, "A value of type " + value.getClass().getSimpleName()
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
            throw new OdooException(OdooErrorKind.UNSUPPORTED, "The number " + original
                    + " is outside the 32-bit range XML-RPC can carry.");
        }
        return (int) v;
    }
}
