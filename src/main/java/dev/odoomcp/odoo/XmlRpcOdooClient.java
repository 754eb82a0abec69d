package dev.odoomcp.odoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * A tenant's Odoo over XML-RPC ({@code /xmlrpc/2/common} and {@code /xmlrpc/2/object}), the
 * protocol of Odoo 14–19. Logs in with {@code authenticate} (uid cached) and runs methods with
 * {@code execute_kw(db, uid, key, model, method, args, kwargs)}, which carries the key again, so
 * a cached uid never stands in for a wrong key. The method's parameters go by position and only
 * the call's options by keyword (see {@link OdooCall}).
 */
final class XmlRpcOdooClient implements OdooClient {

    private final OdooCredentials creds;
    private final OdooVersion version;
    private final XmlRpcCaller caller;
    private final AuthCache auth;

    XmlRpcOdooClient(OdooCredentials creds, OdooVersion version, XmlRpcCaller caller, AuthCache auth) {
        this.creds = creds;
        this.version = version;
        this.caller = caller;
        this.auth = auth;
    }

    @Override
    public OdooServer server() {
        if (creds.username() == null) {
            throw new OdooException(
                    OdooErrorKind.INVALID_CREDENTIALS,
                    "Header " + OdooCredentials.USERNAME_HEADER + " is required for this Odoo (" + version.version()
                            + ", XML-RPC); send the login the API key belongs to.");
        }
        long uid = auth.uid(creds, OdooProtocol.XMLRPC, this::authenticate);
        return new OdooServer(version.version(), version.major(), version.minor(), OdooProtocol.XMLRPC, uid);
    }

    @Override
    public JsonNode execute(OdooCall call) {
        CallCheck.validate(call);
        long uid = server().uid();
        List<Object> args = new ArrayList<>();
        if (call.ids() != null) {
            args.add(XmlRpcValues.toXmlRpc(call.ids()));
        }
        // by position: Odoo's modules override ORM methods under their own parameter names
        call.positionalValues().forEach(p -> args.add(XmlRpcValues.toXmlRpc(p)));
        Map<String, Object> kwargs = new LinkedHashMap<>();
        call.options().forEach((k, v) -> {
            if (v != null) {
                kwargs.put(k, XmlRpcValues.toXmlRpc(v));
            }
        });
        XmlRpcCaller.Outcome outcome = caller.call(
                creds.url(),
                "object",
                "execute_kw",
                List.of(creds.database(), (int) uid, creds.apiKey(), call.model(), call.method(), args, kwargs));
        if (outcome.fault() == null) {
            return XmlRpcValues.toJson(outcome.value());
        }
        if (OdooFaultTranslator.isNoneResult(outcome.fault().string())) {
            return NullNode.getInstance();
        }
        OdooException failure = OdooFaultTranslator.xmlRpcFault(
                outcome.fault().code(), outcome.fault().string(), creds.database());
        if (failure.kind() == OdooErrorKind.AUTHENTICATION_FAILED) {
            auth.refused(creds, OdooProtocol.XMLRPC, failure);
        }
        throw failure;
    }

    private Long authenticate() {
        XmlRpcCaller.Outcome outcome = caller.call(
                creds.url(),
                "common",
                "authenticate",
                List.of(creds.database(), creds.username(), creds.apiKey(), Map.of()));
        if (outcome.fault() != null) {
            throw OdooFaultTranslator.xmlRpcFault(
                    outcome.fault().code(), outcome.fault().string(), creds.database());
        }
        if (outcome.value() instanceof Integer uid && uid > 0) {
            return uid.longValue();
        }
        if (Boolean.FALSE.equals(outcome.value())) {
            throw OdooFaultTranslator.loginRefused(creds.database());
        }
        throw OdooFaultTranslator.missingInAnswer("XML-RPC authenticate", "user id (nor false, for a refused login)");
    }
}
