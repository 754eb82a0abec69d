package dev.odoomcp.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between wire values (from XML-RPC or JSON) and what the fake stores: integers as
 * {@code Long}, floats as {@code Double}, empty as {@code null}, many2one as an id.
 */
final class Values {

    private Values() {}

    /** Wire value to stored value for field {@code f}; refuses what Odoo would refuse. */
    static Object normalize(Table t, FieldSpec f, Object v) {
        v = wire(v);
        if (v == null || Boolean.FALSE.equals(v) && !f.type().equals("boolean")) {
            return null;
        }
        return switch (f.type()) {
            case "many2one" -> v instanceof List<?> l && !l.isEmpty() ? toLong(t, f, l.get(0)) : toLong(t, f, v);
            case "integer" -> toLong(t, f, v);
            case "float", "monetary" -> v instanceof Number n ? n.doubleValue() : bad(t, f, v);
            case "boolean" -> v instanceof Boolean ? v : v instanceof Number n ? n.doubleValue() != 0 : bad(t, f, v);
            case "selection" -> checkSelection(t, f, v);
            default -> v instanceof String ? v : bad(t, f, v);
        };
    }

    private static Object checkSelection(Table t, FieldSpec f, Object v) {
        if (f.selection() != null
                && f.selection().stream().noneMatch(p -> p.get(0).equals(v))) {
            throw OdooFault.application(
                    "ValueError", "Wrong value for " + t.model() + "." + f.name() + ": " + Py.repr(v));
        }
        return v;
    }

    private static Long toLong(Table t, FieldSpec f, Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        bad(t, f, v);
        return null;
    }

    private static Object bad(Table t, FieldSpec f, Object v) {
        throw OdooFault.application("ValueError", "Wrong value for " + t.model() + "." + f.name() + ": " + Py.repr(v));
    }

    /** Normalises numbers from any parser: integral → Long, other → Double; recurses into lists and maps. */
    static Object wire(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(wire(x)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), wire(x)));
            return out;
        }
        return v;
    }

    /** An x2many value as a command list; a bare list of ids means {@code [[6, 0, ids]]}. */
    static List<?> commands(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return List.of(List.of(5L));
        }
        if (!(v instanceof List<?> l)) {
            throw OdooFault.application("ValueError", "Wrong x2many value " + Py.repr(v));
        }
        if (l.stream().allMatch(x -> x instanceof Number)) {
            return List.of(List.of(6L, 0L, l));
        }
        for (Object c : l) {
            if (!(c instanceof List<?> cmd) || cmd.isEmpty() || !(cmd.get(0) instanceof Number)) {
                throw OdooFault.application("ValueError", "Wrong x2many command " + Py.repr(c));
            }
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object v) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw OdooFault.application("TypeError", "expected a dict of values, got " + Py.repr(v));
    }

    /** A list of ids ({@code [1, 2]}) or a single id ({@code 1}) as {@code List<Long>}. */
    static List<Long> ids(Object v) {
        if (v instanceof Number n) {
            return List.of(n.longValue());
        }
        if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof Number)) {
            return l.stream().map(x -> ((Number) x).longValue()).toList();
        }
        if (v == null || Boolean.FALSE.equals(v)) {
            return List.of();
        }
        throw OdooFault.application("TypeError", "ids must be a list of integers, got " + Py.repr(v));
    }
}
