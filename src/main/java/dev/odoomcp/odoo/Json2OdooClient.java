package dev.odoomcp.odoo;

import java.net.URI;
import java.util.Map;
import org.apache.hc.core5.http.ContentType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant's Odoo over JSON-2 ({@code POST /json/2/<model>/<method>}, Odoo 19+ and Online 18.4+).
 * The key travels as a bearer token and identifies the user; arguments are named only (Odoo 19's
 * parameter names, see {@link OrmCalls}), options included. Error
 * bodies carry a {@code debug} traceback that is never read beyond {@code name} and {@code message}.
 */
final class Json2OdooClient implements OdooClient {

    private final OdooCredentials creds;
    private final OdooVersion version;
    private final OdooHttp http;
    private final JsonMapper json;
    private final AuthCache auth;

    Json2OdooClient(OdooCredentials creds, OdooVersion version, OdooHttp http, JsonMapper json, AuthCache auth) {
        this.creds = creds;
        this.version = version;
        this.http = http;
        this.json = json;
        this.auth = auth;
    }

    @Override
    public OdooServer server() {
        long uid = auth.uid(creds, OdooProtocol.JSON2, this::contextUid);
        return new OdooServer(version.version(), version.major(), version.minor(), OdooProtocol.JSON2, uid);
    }

    @Override
    public JsonNode execute(OdooCall call) {
        CallCheck.validate(call);
        if (call.params().stream().anyMatch(p -> p.name() == null)) {
            throw OdooFaultTranslator.positionalOverJson2(call.method());
        }
        auth.throwIfRecentlyRefused(creds, OdooProtocol.JSON2);
        ObjectNode body = json.createObjectNode();
        if (call.ids() != null) {
            body.set("ids", json.valueToTree(call.ids()));
        }
        for (OdooCall.Param p : call.params()) {
            if (!p.atDefault()) {
                body.set(OrmCalls.json2Name(version.major(), call.method(), p.name()), json.valueToTree(p.value()));
            }
        }
        call.options().forEach((k, v) -> body.set(k, json.valueToTree(v)));
        return post(call.model(), call.method(), body);
    }

    private Long contextUid() {
        JsonNode context = post("res.users", "context_get", json.createObjectNode());
        JsonNode uid = context.path("uid");
        if (!uid.canConvertToLong() || uid.longValue() <= 0) {
            throw OdooFaultTranslator.missingInAnswer("JSON-2 res.users/context_get", "user id (uid)");
        }
        return uid.longValue();
    }

    private JsonNode post(String model, String method, ObjectNode body) {
        URI uri = creds.url().resolve("/json/2/" + model + "/" + method);
        HttpReply reply = http.post(
                uri,
                Map.of(
                        "Authorization",
                        "bearer " + creds.apiKey(),
                        "X-Odoo-Database",
                        creds.database(),
                        "Accept",
                        "application/json"),
                json.writeValueAsBytes(body),
                ContentType.APPLICATION_JSON);
        if (reply.status() == 200 && reply.isJson()) {
            auth.accepted(creds);
            return read(reply, "JSON-2 " + model + "/" + method);
        }
        JsonNode error = reply.isJson() ? readQuietly(reply) : null;
        if (error != null && error.path("message").isString()) {
            OdooException failure = OdooFaultTranslator.json2Error(
                    reply.status(),
                    error.path("name").asString(""),
                    error.path("message").stringValue(),
                    creds.database());
            if (failure.kind() == OdooErrorKind.AUTHENTICATION_FAILED) {
                auth.refused(creds, OdooProtocol.JSON2, failure);
            } else {
                auth.accepted(creds); // Odoo checks the bearer key before anything else it could refuse
            }
            throw failure;
        }
        throw OdooFaultTranslator.unexpectedHttp(
                reply,
                "JSON-2 " + model + "/" + method,
                "database '"
                        + creds.database() + "' does not exist on this Odoo, or X-Odoo-Url is not an Odoo 19+ server."
                        + " Check X-Odoo-Db and X-Odoo-Url.");
    }

    private JsonNode read(HttpReply reply, String what) {
        try {
            JsonNode result = json.readTree(reply.body());
            if (result == null || result.isMissingNode()) {
                throw OdooFaultTranslator.emptyAnswer(what);
            }
            return result;
        } catch (JacksonException e) {
            throw OdooFaultTranslator.invalidJson(what, e);
        }
    }

    private JsonNode readQuietly(HttpReply reply) {
        try {
            return json.readTree(reply.body());
        } catch (JacksonException e) {
            return null;
        }
    }
}
