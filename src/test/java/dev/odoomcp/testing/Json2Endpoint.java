package dev.odoomcp.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /json/2/<model>/<method>} (saas~18.4 / 19.0+): bearer key, {@code X-Odoo-Database},
 * named arguments in a JSON object; success is the bare JSON value, errors are HTTP 401/403/404/
 * 422/500 with {@code {name, message, arguments, context, debug}}.
 */
final class Json2Endpoint {

    private static final Pattern BEARER = Pattern.compile("^bearer\\s+(.+)$", Pattern.CASE_INSENSITIVE);

    private final Backend backend;
    private final JsonMapper json;

    Json2Endpoint(Backend backend, JsonMapper json) {
        this.backend = backend;
        this.json = json;
    }

    void handle(HttpExchange exchange, String model, String method) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            Http.send(
                    exchange,
                    405,
                    Http.HTML,
                    "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n");
            return;
        }
        FakeDatabase db = selectDatabase(exchange.getRequestHeaders().getFirst("X-Odoo-Database"));
        if (db == null) {
            Http.send(exchange, 404, Http.HTML, Http.NO_DATABASE_PAGE);
            return;
        }
        try {
            Object result = call(exchange, db, model, method);
            Http.send(exchange, 200, Http.JSON, json.writeValueAsString(result));
        } catch (OdooFault f) {
            Http.send(exchange, f.kind().httpStatus, Http.JSON, json.writeValueAsString(errorBody(f)));
        }
    }

    private FakeDatabase selectDatabase(String header) {
        if (header == null && backend.databases().size() == 1) {
            return backend.databases().values().iterator().next();
        }
        return backend.database(header);
    }

    private Object call(HttpExchange exchange, FakeDatabase db, String model, String method) throws IOException {
        Map<String, Object> body = parseBody(exchange.getRequestBody().readAllBytes());
        List<Long> ids = Values.ids(body.remove("ids"));
        body.remove("context");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher m = auth == null ? null : BEARER.matcher(auth.trim());
        UserSpec user =
                m != null && m.matches() ? db.userByKey(m.group(1).trim()).orElse(null) : null;
        backend.log()
                .add(new FakeOdoo.Call(
                        "json2",
                        db.name(),
                        user == null ? null : user.login(),
                        user == null ? null : user.uid(),
                        model,
                        method,
                        ids.isEmpty() ? null : ids,
                        List.of(),
                        body));
        if (user == null) {
            throw OdooFault.accessDenied();
        }
        Methods.MethodDef def;
        try {
            def = Methods.resolve(db, model, method);
        } catch (OdooFault f) {
            throw f.kind() == OdooFault.Kind.UNKNOWN_METHOD ? OdooFault.unknownMethod(model, method, db.version()) : f;
        }
        if (!def.onRecords() && !ids.isEmpty()) {
            throw OdooFault.badArguments("cannot call " + model + "." + method + " with ids");
        }
        return backend.run(db, user, def, model, ids, Methods.bind(def, List.of(), body, Methods.Binding.SIGNATURE));
    }

    private Map<String, Object> parseBody(byte[] bytes) {
        try {
            Object parsed =
                    bytes.length == 0 ? new LinkedHashMap<>() : Values.wire(json.readValue(bytes, Object.class));
            if (parsed instanceof Map<?, ?>) {
                return new LinkedHashMap<>(Values.map(parsed));
            }
        } catch (JacksonException e) {
            // answered below, like werkzeug's BadRequest
        }
        throw OdooFault.badArguments("The request body must be a JSON object");
    }

    static Map<String, Object> errorBody(OdooFault f) {
        String message = f.json2Message();
        List<Object> arguments = new ArrayList<>();
        arguments.add(message);
        if (f.json2Name().startsWith("werkzeug.")) {
            arguments.add((long) f.kind().httpStatus);
        }
        String debugClass = f.json2Name().startsWith("builtins.") ? f.pythonClass() : f.json2Name();
        String debugMessage = f.json2Name().startsWith("werkzeug.")
                ? f.kind().httpStatus + " " + reason(f.kind().httpStatus) + ": " + message
                : message;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", f.json2Name());
        body.put("message", message);
        body.put("arguments", arguments);
        body.put("context", Map.of());
        body.put("debug", Tracebacks.json2(debugClass, debugMessage));
        return body;
    }

    private static String reason(int status) {
        return switch (status) {
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 422 -> "Unprocessable Entity";
            default -> "Error";
        };
    }
}
