package dev.odoomcp.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public methods of fake models: built-in ORM methods with their Python signatures (so
 * positional and keyword arguments bind, and fail, as in Odoo) and custom business methods.
 */
final class Methods {

    /** Marks a parameter without default. */
    static final Object REQUIRED = new Object();

    /** One parameter of a Python signature. */
    record Param(String name, Object defaultValue) {
    }

    /** What a method does once its arguments are bound. */
    @FunctionalInterface
    interface Body {
        Object run(Invocation call);
    }

    /** A bound call: the table, the records (for record methods), the user and the arguments by name. */
    record Invocation(Orm orm, Table table, UserSpec user, List<Long> ids, Map<String, Object> args) {
        Object arg(String name) {
            return args.get(name);
        }
    }

    /**
     * A method definition. {@code params == null} means "any keywords" (custom methods).
     *
     * @param access ACL operation checked before running ({@code read}, {@code write}, ...) or null
     */
    record MethodDef(String name, boolean onRecords, List<Param> params, String access, Body body) {
    }

    private Methods() {
    }

    /** Resolves {@code model.method} like Odoo's {@code get_public_method}. */
    static MethodDef resolve(FakeDatabase db, String model, String method) {
        Table t = db.table(model);
        OdooVersion v = db.version();
        if (method.startsWith("_")) {
            throw OdooFault.accessError("Private methods (such as "
                    + (v.major() >= 19 ? "'" + model + "." + method + "'" : method) + ") cannot be called remotely.");
        }
        ModelSpec.MethodSpec custom = t.spec().methods().get(method);
        if (custom != null) {
            return new MethodDef(method, custom.onRecords(), null, null,
                    call -> custom.handler().call(call.orm().records(call.table(), call.ids(), call.user()),
                            call.args()));
        }
        MethodDef builtin = Builtins.find(method, model, v);
        if (builtin == null) {
            throw OdooFault.unknownMethod(model, method, v);
        }
        return builtin;
    }

    /** Binds arguments to {@code def}'s parameters the way Python would, or raises its TypeError. */
    static Map<String, Object> bind(MethodDef def, List<Object> positional, Map<String, Object> kwargs) {
        Map<String, Object> named = new LinkedHashMap<>(kwargs);
        named.remove("context");
        if (def.params() == null) {
            if (!positional.isEmpty()) {
                throw OdooFault.badArguments(def.name() + "() takes 1 positional argument but "
                        + (positional.size() + 1) + " were given");
            }
            return named;
        }
        List<Param> params = def.params();
        if (positional.size() > params.size()) {
            throw OdooFault.badArguments(def.name() + "() takes from 1 to " + (params.size() + 1)
                    + " positional arguments but " + (positional.size() + 1) + " were given");
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            bound.put(params.get(i).name(), positional.get(i));
        }
        for (Map.Entry<String, Object> e : named.entrySet()) {
            if (params.stream().noneMatch(p -> p.name().equals(e.getKey()))) {
                throw OdooFault.badArguments(def.name() + "() got an unexpected keyword argument '" + e.getKey() + "'");
            }
            if (bound.containsKey(e.getKey())) {
                throw OdooFault.badArguments(def.name() + "() got multiple values for argument '" + e.getKey() + "'");
            }
            bound.put(e.getKey(), e.getValue());
        }
        List<String> missing = new ArrayList<>();
        for (Param p : params) {
            if (!bound.containsKey(p.name())) {
                if (p.defaultValue() == REQUIRED) {
                    missing.add("'" + p.name() + "'");
                } else {
                    bound.put(p.name(), p.defaultValue());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw OdooFault.badArguments(def.name() + "() missing " + missing.size() + " required positional argument"
                    + (missing.size() > 1 ? "s" : "") + ": " + String.join(" and ", missing));
        }
        return bound;
    }

    /** Runs a resolved method for {@code user}: access check, then the body. */
    static Object run(MethodDef def, Orm orm, Table t, UserSpec user, List<Long> ids, Map<String, Object> args) {
        if (def.access() != null) {
            orm.checkAccess(user, t, def.access());
        }
        if (t.spec().readGroupName() != null) {
            orm.checkAccess(user, t, "read");
        }
        return def.body().run(new Invocation(orm, t, user, ids, args));
    }
}
