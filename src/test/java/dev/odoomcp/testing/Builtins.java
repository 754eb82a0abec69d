package dev.odoomcp.testing;

import dev.odoomcp.testing.Methods.Invocation;
import dev.odoomcp.testing.Methods.MethodDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The standard ORM methods every fake model answers, bound against the signatures of {@link Signatures}. */
final class Builtins {

    private Builtins() {}

    /** {@code model.method} on {@code v}: its signature from {@link Signatures} and the fake's implementation. */
    static MethodDef find(String method, String model, OdooVersion v) {
        Signatures.Signature sig = Signatures.find(model, method, v);
        if (sig == null) {
            return null;
        }
        return switch (method) {
            case "search_read" -> model(method, sig, "read", Builtins::searchRead);
            case "search" -> model(method, sig, "read", c -> search(c));
            case "search_count" ->
                model(method, sig, "read", c -> (long) search(c).size());
            case "read" ->
                records(method, sig, "read", c -> c.orm().read(c.table(), c.ids(), strings(c.arg("fields"))));
            case "create" -> model(method, sig, "create", Builtins::create);
            case "write" ->
                records(method, sig, "write", c -> {
                    c.orm().writes().write(c.table(), c.ids(), Values.map(c.arg("vals")));
                    return true;
                });
            case "unlink" ->
                records(method, sig, "unlink", c -> {
                    c.orm().writes().unlink(c.table(), c.ids());
                    return true;
                });
            case "name_search" -> model(method, sig, "read", Builtins::nameSearch);
            case "fields_get" ->
                model(
                        method,
                        sig,
                        null,
                        c -> FieldsGet.describe(c.table(), strings(c.arg("allfields")), strings(c.arg("attributes"))));
            case "read_group" -> model(method, sig, "read", ReadGroups::readGroup);
            case "formatted_read_group" -> model(method, sig, "read", ReadGroups::formattedReadGroup);
            case "context_get" -> model(method, sig, null, Builtins::contextGet);
            case "check_access_rights" -> model(method, sig, null, Builtins::checkAccessRights);
            default -> null;
        };
    }

    private static MethodDef model(String name, Signatures.Signature sig, String access, Methods.Body body) {
        return new MethodDef(name, false, sig, access, body);
    }

    private static MethodDef records(String name, Signatures.Signature sig, String access, Methods.Body body) {
        return new MethodDef(name, true, sig, access, body);
    }

    private static Object searchRead(Invocation c) {
        List<Long> ids = search(c);
        return c.orm().read(c.table(), ids, strings(c.arg("fields")));
    }

    private static List<Long> search(Invocation c) {
        Object order = c.arg("order");
        return c.orm()
                .search(
                        c.table(),
                        domain(c.arg("domain")),
                        number(c.arg("offset"), 0L),
                        nullableNumber(c.arg("limit")),
                        order instanceof String s ? s : null);
    }

    private static Object create(Invocation c) {
        Object vals = c.arg("vals_list");
        if (vals instanceof Map<?, ?>) {
            return c.orm().writes().create(c.table(), Values.map(vals));
        }
        if (!(vals instanceof List<?> list)) {
            throw OdooFault.application(
                    "TypeError", "create() expects a dict or a list of dicts, got " + Py.repr(vals));
        }
        List<Long> ids = new ArrayList<>();
        for (Object one : list) {
            ids.add(c.orm().writes().create(c.table(), Values.map(one)));
        }
        return ids;
    }

    private static Object nameSearch(Invocation c) {
        List<Object> domain = new ArrayList<>(domain(c.arg("domain")));
        String name = c.arg("name") instanceof String s ? s : "";
        if (!name.isEmpty()) {
            if (!domain.isEmpty()) {
                domain.add(0, "&");
            }
            String op = c.arg("operator") instanceof String s ? s : "ilike";
            domain.add(List.of("display_name", op, name));
        }
        List<Long> ids = c.orm().search(c.table(), domain, 0, nullableNumber(c.arg("limit")), null);
        List<Object> out = new ArrayList<>();
        ids.forEach(id -> out.add(List.of(id, c.orm().displayName(c.table(), id))));
        return out;
    }

    private static Object contextGet(Invocation c) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("lang", c.user().lang());
        ctx.put("tz", c.user().tz());
        ctx.put("uid", c.user().uid());
        return ctx;
    }

    private static Object checkAccessRights(Invocation c) {
        String op = String.valueOf(c.arg("operation"));
        try {
            c.orm().checkAccess(c.user(), c.table(), op);
            return true;
        } catch (OdooFault e) {
            if (Boolean.FALSE.equals(c.arg("raise_exception"))) {
                return false;
            }
            throw e;
        }
    }

    static List<?> domain(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l;
        }
        throw OdooFault.application("ValueError", "Invalid domain " + Py.repr(v));
    }

    /** A list of names, or null for "all" ({@code None}/{@code False}/absent). */
    static List<String> strings(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return null;
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        throw OdooFault.application("TypeError", "expected a list of field names, got " + Py.repr(v));
    }

    static long number(Object v, long fallback) {
        return v instanceof Number n ? n.longValue() : fallback;
    }

    static Long nullableNumber(Object v) {
        return v instanceof Number n ? n.longValue() : null;
    }
}
