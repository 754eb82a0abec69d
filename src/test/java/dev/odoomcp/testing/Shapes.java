package dev.odoomcp.testing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Structural comparison of decoded wire values (XML-RPC or JSON): same types, same struct keys,
 * same tuple layouts; values may differ. Odoo's {@code false} for "empty" matches a list, a
 * string or a boolean, as it does on the wire.
 */
final class Shapes {

    private Shapes() {}

    static boolean compatible(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (Boolean.FALSE.equals(expected) || Boolean.FALSE.equals(actual)) {
            Object other = Boolean.FALSE.equals(expected) ? actual : expected;
            return other instanceof Boolean || other instanceof List || other instanceof String;
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            return e.keySet().equals(a.keySet()) && e.keySet().stream().allMatch(k -> compatible(e.get(k), a.get(k)));
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            return lists(e, a);
        }
        return expected.getClass() == actual.getClass();
    }

    private static boolean lists(List<?> e, List<?> a) {
        if (e.isEmpty() || a.isEmpty()) {
            return true;
        }
        if (e.stream().allMatch(x -> x instanceof Map)) {
            return a.stream()
                    .allMatch(x -> x instanceof Map<?, ?> m
                            && m.keySet().equals(((Map<?, ?>) e.get(0)).keySet())
                            && m.keySet().stream()
                                    .allMatch(k ->
                                            e.stream().anyMatch(y -> compatible(((Map<?, ?>) y).get(k), m.get(k)))));
        }
        boolean tuple =
                e.stream().map(x -> x == null ? null : x.getClass()).distinct().count() > 1;
        if (tuple) {
            if (e.size() != a.size()) {
                return false;
            }
            for (int i = 0; i < e.size(); i++) {
                if (!compatible(e.get(i), a.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.stream().allMatch(x -> e.stream().anyMatch(y -> compatible(y, x)));
    }

    /** For messages: the first line of a text. */
    static String firstLine(String text) {
        return Objects.requireNonNull(text).lines().findFirst().orElse("");
    }

    /** For tracebacks: the last non-blank line, i.e. {@code ExceptionClass: message}. */
    static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
