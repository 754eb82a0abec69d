package dev.odoomcp.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /xmlrpc/2/common} and {@code /xmlrpc/2/object}: decodes a method call, runs it on the
 * fake and answers with Odoo's XML-RPC result or fault (codes 1 to 4 as Odoo maps its exceptions).
 */
final class XmlRpcEndpoint {

    private final Backend backend;

    XmlRpcEndpoint(Backend backend) {
        this.backend = backend;
    }

    /** Answers one request body for {@code service} ({@code common} or {@code object}). */
    String handle(String service, byte[] body) {
        try {
            XmlRpcCodec.MethodCall call = XmlRpcCodec.parse(body);
            Object result = service.equals("common") ? common(call) : object(call);
            if (result == null) {
                throw OdooFault.application("TypeError", "cannot marshal None unless allow_none is enabled");
            }
            return XmlRpcCodec.response(result);
        } catch (OdooFault f) {
            return fault(f);
        }
    }

    static String fault(OdooFault f) {
        return switch (f.kind()) {
            case ACCESS_DENIED -> XmlRpcCodec.fault(3, "Access Denied");
            case ACCESS_ERROR, USER_ERROR, VALIDATION, MISSING, UNKNOWN_MODEL ->
                XmlRpcCodec.fault(f.kind().faultCode, f.getMessage());
            default -> XmlRpcCodec.fault(1, Tracebacks.xmlrpc(f.pythonClass(), f.getMessage()));
        };
    }

    private Object common(XmlRpcCodec.MethodCall call) {
        List<Object> p = call.params();
        String method = call.methodName();
        backend.log()
                .add(new FakeOdoo.Call(
                        "xmlrpc",
                        p.isEmpty() ? null : str(p.get(0)),
                        p.size() > 1 ? str(p.get(1)) : null,
                        null,
                        null,
                        method,
                        null,
                        p,
                        Map.of()));
        return switch (method) {
            case "version" -> versionStruct();
            case "authenticate", "login" -> {
                arity(method, p, method.equals("login") ? 3 : 4);
                FakeDatabase db = database(str(p.get(0)));
                yield db.authenticate(str(p.get(1)), str(p.get(2)))
                        .<Object>map(UserSpec::uid)
                        .orElse(false);
            }
            default -> throw OdooFault.application("KeyError", "'exp_" + method + "'");
        };
    }

    Map<String, Object> versionStruct() {
        OdooVersion v = backend.version();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server_version", v.serverVersion());
        out.put("server_version_info", v.versionInfo());
        out.put("server_serie", v.serie());
        out.put("protocol_version", 1L);
        return out;
    }

    private Object object(XmlRpcCodec.MethodCall call) {
        List<Object> p = call.params();
        boolean kw = call.methodName().equals("execute_kw");
        if (!kw && !call.methodName().equals("execute")) {
            throw OdooFault.application("KeyError", "'exp_" + call.methodName() + "'");
        }
        if (p.size() < 5) {
            throw OdooFault.application("TypeError", "execute_kw() missing required positional arguments");
        }
        String dbName = str(p.get(0));
        long uid = p.get(1) instanceof Long l ? l : -1;
        String model = str(p.get(3));
        String method = str(p.get(4));
        List<Object> args = kw ? list(p.size() > 5 ? p.get(5) : List.of()) : new ArrayList<>(p.subList(5, p.size()));
        Map<String, Object> kwargs = kw && p.size() > 6 ? Values.map(p.get(6)) : Map.of();
        FakeDatabase db = backend.database(dbName);
        UserSpec user = db == null
                ? null
                : db.userByUid(uid).filter(u -> u.apiKey().equals(p.get(2))).orElse(null);
        Methods.MethodDef def = db == null || user == null ? null : safeResolve(db, model, method);
        List<Long> ids = def != null && def.onRecords() && !args.isEmpty() ? Values.ids(args.get(0)) : null;
        backend.log()
                .add(new FakeOdoo.Call(
                        "xmlrpc",
                        dbName,
                        user == null ? null : user.login(),
                        uid,
                        model,
                        method,
                        ids,
                        ids == null ? args : args.subList(1, args.size()),
                        kwargs));
        database(dbName);
        if (user == null) {
            throw OdooFault.accessDenied();
        }
        def = Methods.resolve(db, model, method);
        if (def.onRecords() && args.isEmpty()) {
            throw OdooFault.application("IndexError", "tuple index out of range");
        }
        List<Object> positional = def.onRecords() ? args.subList(1, args.size()) : args;
        Map<String, Object> bound = Methods.bind(def, positional, kwargs, Methods.Binding.CALL);
        if (createWithoutPositionalValues(def, positional)) {
            // api.call_kw runs create, then answers `result.id if isinstance(args[0], Mapping)`:
            // IndexError, and the transaction (with the new record) is rolled back.
            backend.checkAccess(db, user, def, model);
            throw OdooFault.application("IndexError", "tuple index out of range");
        }
        return backend.run(db, user, def, model, ids, bound);
    }

    /** XML-RPC's call_kw (16 to 19) reads create's values from the first positional argument after the call. */
    private static boolean createWithoutPositionalValues(Methods.MethodDef def, List<Object> positional) {
        return def.name().equals("create") && def.signature() != null && positional.isEmpty();
    }

    private static Methods.MethodDef safeResolve(FakeDatabase db, String model, String method) {
        try {
            return Methods.resolve(db, model, method);
        } catch (OdooFault e) {
            return null;
        }
    }

    private FakeDatabase database(String name) {
        FakeDatabase db = backend.database(name);
        if (db == null) {
            throw OdooFault.application(
                    "psycopg2.OperationalError",
                    "connection to server at \"localhost\" " + "(127.0.0.1), port 5432 failed: FATAL:  database \""
                            + name + "\" does not exist\n");
        }
        return db;
    }

    private static void arity(String method, List<Object> p, int expected) {
        if (p.size() != expected) {
            throw OdooFault.application(
                    "TypeError",
                    "exp_" + method + "() takes " + expected + " positional arguments but " + p.size() + " were given");
        }
    }

    private static String str(Object v) {
        return v instanceof String s ? s : String.valueOf(v);
    }

    private static List<Object> list(Object v) {
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw OdooFault.application("TypeError", "execute_kw() args must be a list, got " + Py.repr(v));
    }
}
