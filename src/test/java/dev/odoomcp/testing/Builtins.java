package dev.odoomcp.testing;

import static dev.odoomcp.testing.Methods.REQUIRED;

import dev.odoomcp.testing.Methods.Invocation;
import dev.odoomcp.testing.Methods.MethodDef;
import dev.odoomcp.testing.Methods.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The standard ORM methods every fake model answers, with Odoo's Python signatures per version. */
final class Builtins {

    private Builtins() {
    }

    static MethodDef find(String method, String model, OdooVersion v) {
        return switch (method) {
            case "search_read" -> model(method, "read", Builtins::searchRead,
                    p("domain", null), p("fields", null), p("offset", 0L), p("limit", null), p("order", null));
            case "search" -> model(method, "read", c -> search(c),
                    p("domain", REQUIRED), p("offset", 0L), p("limit", null), p("order", null));
            case "search_count" -> model(method, "read", c -> (long) search(c).size(),
                    p("domain", REQUIRED), p("limit", null));
            case "read" -> records(method, "read", c -> c.orm().read(c.table(), c.ids(), strings(c.arg("fields"))),
                    p("fields", null), p("load", "_classic_read"));
            case "create" -> model(method, "create", Builtins::create, p("vals_list", REQUIRED));
            case "write" -> records(method, "write", c -> {
                c.orm().writes().write(c.table(), c.ids(), Values.map(c.arg("vals")));
                return true;
            }, p("vals", REQUIRED));
            case "unlink" -> records(method, "unlink", c -> {
                c.orm().writes().unlink(c.table(), c.ids());
                return true;
            });
            case "name_search" -> model(method, "read", Builtins::nameSearch, p("name", ""),
                    p(v.nameSearchTakesDomain() ? "domain" : "args", null), p("operator", "ilike"), p("limit", 100L));
            case "fields_get" -> model(method, null, c -> FieldsGet.describe(c.table(),
                    strings(c.arg("allfields")), strings(c.arg("attributes"))), p("allfields", null),
                    p("attributes", null));
            case "read_group" -> model(method, "read", ReadGroups::readGroup, p("domain", REQUIRED),
                    p("fields", REQUIRED), p("groupby", REQUIRED), p("offset", 0L), p("limit", null),
                    p("orderby", false), p("lazy", true));
            case "formatted_read_group" -> v.hasFormattedReadGroup() ? model(method, "read",
                    ReadGroups::formattedReadGroup, p("domain", null), p("groupby", List.of()),
                    p("aggregates", List.of()), p("having", List.of()), p("offset", 0L), p("limit", null),
                    p("order", null)) : null;
            case "context_get" -> model.equals("res.users") ? model(method, null, Builtins::contextGet) : null;
            case "check_access_rights" -> v.major() <= 18 ? model(method, null, Builtins::checkAccessRights,
                    p("operation", REQUIRED), p("raise_exception", true)) : null;
            default -> null;
        };
    }

    private static Param p(String name, Object defaultValue) {
        return new Param(name, defaultValue);
    }

    private static MethodDef model(String name, String access, Methods.Body body, Param... params) {
        return new MethodDef(name, false, List.of(params), access, body);
    }

    private static MethodDef records(String name, String access, Methods.Body body, Param... params) {
        return new MethodDef(name, true, List.of(params), access, body);
    }

    private static Object searchRead(Invocation c) {
        List<Long> ids = search(c);
        return c.orm().read(c.table(), ids, strings(c.arg("fields")));
    }

    private static List<Long> search(Invocation c) {
        Object order = c.arg("order");
        return c.orm().search(c.table(), domain(c.arg("domain")), number(c.arg("offset"), 0L),
                nullableNumber(c.arg("limit")), order instanceof String s ? s : null);
    }

    private static Object create(Invocation c) {
        Object vals = c.arg("vals_list");
        if (vals instanceof Map<?, ?>) {
            return c.orm().writes().create(c.table(), Values.map(vals));
        }
        if (!(vals instanceof List<?> list)) {
            throw OdooFault.application("TypeError", "create() expects a dict or a list of dicts, got "
                    + Py.repr(vals));
        }
        List<Long> ids = new ArrayList<>();
        for (Object one : list) {
            ids.add(c.orm().writes().create(c.table(), Values.map(one)));
        }
        return ids;
    }

    private static Object nameSearch(Invocation c) {
        List<Object> domain = new ArrayList<>(domain(c.args().getOrDefault("domain", c.arg("args"))));
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
