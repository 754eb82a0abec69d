package dev.odoomcp.testing;

import java.util.List;
import java.util.stream.Collectors;

/** Python {@code repr()} of wire values, for error messages that quote a domain leaf the way Odoo does. */
final class Py {

    private Py() {}

    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return XmlRpcCodec.pythonRepr(d);
        }
        if (v instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (v instanceof List<?> list) {
            return list.stream().map(Py::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        return v.toString();
    }

    /** A domain leaf as a Python tuple: {@code ('name', '=', 1)}. */
    static String tuple(List<?> items) {
        return items.stream().map(Py::repr).collect(Collectors.joining(", ", "(", ")"));
    }
}
