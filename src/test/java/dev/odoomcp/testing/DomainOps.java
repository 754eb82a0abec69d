package dev.odoomcp.testing;

import java.util.ArrayList;
import java.util.List;

/** Odoo's {@code expression.AND}: combines normalized domains with explicit {@code &} operators. */
final class DomainOps {

    private DomainOps() {}

    static List<Object> and(List<?> a, List<?> b) {
        return andAll(List.of(a, b));
    }

    static List<Object> andAll(List<? extends List<?>> domains) {
        List<Object> body = new ArrayList<>();
        int count = 0;
        for (List<?> d : domains) {
            if (!d.isEmpty()) {
                body.addAll(normalize(d));
                count++;
            }
        }
        List<Object> out = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            out.add("&");
        }
        out.addAll(body);
        return out;
    }

    /** Makes implicit ANDs explicit: {@code [A, B]} → {@code ['&', A, B]}. */
    static List<Object> normalize(List<?> domain) {
        int terms = 0;
        int pending = 0;
        for (Object item : domain) {
            if (pending == 0) {
                terms++;
                pending = 1;
            }
            pending--;
            if ("&".equals(item) || "|".equals(item)) {
                pending += 2;
            } else if ("!".equals(item)) {
                pending += 1;
            }
        }
        List<Object> out = new ArrayList<>();
        for (int i = 1; i < terms; i++) {
            out.add("&");
        }
        out.addAll(domain);
        return out;
    }
}
