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

    /** Whose words a binding error is reported in. */
    enum Binding {
        /** A Python call, as XML-RPC's {@code call_kw} makes: {@code Class.method() got an unexpected keyword ...}. */
        CALL,
        /** {@code inspect.signature(func).bind(records, **kwargs)}, as JSON-2 checks before calling. */
        SIGNATURE
    }

    /** What a method does once its arguments are bound. */
    @FunctionalInterface
    interface Body {
        Object run(Invocation call);
    }

    /** A bound call: the table, the records (for record methods), the user and the arguments by key. */
    record Invocation(Orm orm, Table table, UserSpec user, List<Long> ids, Map<String, Object> args) {
        Object arg(String name) {
            return args.get(name);
        }
    }

    /**
     * A method definition. {@code signature == null} means "any keywords" (custom methods).
     *
     * @param access ACL operation checked before running ({@code read}, {@code write}, ...) or null
     */
    record MethodDef(String name, boolean onRecords, Signatures.Signature signature, String access, Body body) {}

    private Methods() {}

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
            return new MethodDef(
                    method,
                    custom.onRecords(),
                    null,
                    null,
                    call -> custom.handler()
                            .call(call.orm().records(call.table(), call.ids(), call.user()), call.args()));
        }
        MethodDef mail = MailMethods.find(db, t, method);
        if (mail != null) {
            return mail;
        }
        MethodDef builtin = Builtins.find(method, model, v);
        if (builtin == null) {
            throw OdooFault.unknownMethod(model, method, v);
        }
        return builtin;
    }

    /**
     * Binds arguments to {@code def}'s parameters the way Python would, or raises the TypeError
     * Odoo answers, in {@code binding}'s words. The result is keyed by the base ORM's parameter
     * names ({@link Signatures.Param#key()}), without {@code context}.
     */
    static Map<String, Object> bind(
            MethodDef def, List<Object> positional, Map<String, Object> kwargs, Binding binding) {
        Map<String, Object> named = new LinkedHashMap<>(kwargs);
        named.remove("context");
        Signatures.Signature sig = def.signature();
        if (sig == null) {
            if (!positional.isEmpty()) {
                throw OdooFault.badArguments(
                        def.name() + "() takes 1 positional argument but " + (positional.size() + 1) + " were given");
            }
            return named;
        }
        List<Signatures.Param> params = sig.params();
        if (sig.keywordOnly() && !positional.isEmpty()) {
            throw bindError(
                    binding,
                    sig,
                    "takes 1 positional argument but " + (positional.size() + 1) + " were given",
                    "too many positional arguments");
        }
        if (positional.size() > params.size()) {
            throw bindError(binding, sig, tooMany(sig, positional.size()), "too many positional arguments");
        }
        Map<String, Object> byName = new LinkedHashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            byName.put(params.get(i).name(), positional.get(i));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : named.entrySet()) {
            boolean declared = params.stream().anyMatch(p -> p.name().equals(e.getKey()));
            if (!declared && sig.extraKeywords() == null && !sig.varKeywords()) {
                throw bindError(
                        binding,
                        sig,
                        "got an unexpected keyword argument '" + e.getKey() + "'",
                        "got an unexpected keyword argument '" + e.getKey() + "'");
            }
            if (byName.containsKey(e.getKey())) {
                throw bindError(
                        binding,
                        sig,
                        "got multiple values for argument '" + e.getKey() + "'",
                        "multiple values for argument '" + e.getKey() + "'");
            }
            if (!declared && sig.varKeywords()) {
                byName.put(e.getKey(), e.getValue()); // **kwargs: handed to the method body as they are
                continue;
            }
            (declared ? byName : extra).put(e.getKey(), e.getValue());
        }
        List<String> missing = new ArrayList<>();
        Map<String, Object> bound = new LinkedHashMap<>();
        for (Signatures.Param p : params) {
            if (byName.containsKey(p.name())) {
                bound.put(p.key(), byName.get(p.name()));
            } else if (p.defaultValue() == REQUIRED) {
                missing.add("'" + p.name() + "'");
            } else {
                bound.put(p.key(), p.defaultValue());
            }
        }
        if (sig.varKeywords()) {
            byName.forEach((name, value) -> {
                if (params.stream().noneMatch(p -> p.name().equals(name))) {
                    bound.put(name, value);
                }
            });
        }
        if (!missing.isEmpty()) {
            throw bindError(
                    binding,
                    sig,
                    "missing " + missing.size() + " required positional argument" + (missing.size() > 1 ? "s" : "")
                            + ": " + pythonList(missing),
                    "missing a required argument: " + missing.get(0));
        }
        if (!extra.isEmpty()) {
            // **kwargs go on to another method (search_read -> read), which binds them in its turn:
            // a TypeError raised inside the call, not by the argument check.
            try {
                bind(
                        new MethodDef(def.name(), def.onRecords(), sig.extraKeywords(), null, null),
                        List.of(),
                        extra,
                        Binding.CALL);
            } catch (OdooFault e) {
                throw OdooFault.application("TypeError", e.getMessage());
            }
            bound.putAll(extra);
        }
        return bound;
    }

    private static OdooFault bindError(Binding binding, Signatures.Signature sig, String callText, String bindText) {
        return OdooFault.badArguments(binding == Binding.CALL ? sig.qualname() + "() " + callText : bindText);
    }

    /** Python's words for too many positional arguments; counts include {@code self}. */
    private static String tooMany(Signatures.Signature sig, int given) {
        int max = sig.params().size() + 1;
        int min = 1
                + (int) sig.params().stream()
                        .filter(p -> p.defaultValue() == REQUIRED)
                        .count();
        String takes = min == max
                ? max + " positional argument" + (max > 1 ? "s" : "")
                : "from " + min + " to " + max + " positional arguments";
        return "takes " + takes + " but " + (given + 1) + " were given";
    }

    /** {@code 'a'}, {@code 'a' and 'b'}, {@code 'a', 'b', and 'c'}, as Python lists missing arguments. */
    private static String pythonList(List<String> names) {
        if (names.size() <= 2) {
            return String.join(" and ", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
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
