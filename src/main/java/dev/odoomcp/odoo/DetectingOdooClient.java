package dev.odoomcp.odoo;

import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * The client handed to tools: it connects lazily, finds the server's version and protocol on the
 * first call (cached per URL), then delegates to the protocol client. Lives for one request.
 */
final class DetectingOdooClient implements OdooClient {

    private final OdooCredentials creds;
    private final ServerDetector detector;
    private final Function<OdooVersion, OdooClient> xmlRpc;
    private final Function<OdooVersion, OdooClient> json2;
    private OdooClient delegate;

    DetectingOdooClient(OdooCredentials creds, ServerDetector detector,
            Function<OdooVersion, OdooClient> xmlRpc, Function<OdooVersion, OdooClient> json2) {
        this.creds = creds;
        this.detector = detector;
        this.xmlRpc = xmlRpc;
        this.json2 = json2;
    }

    @Override
    public JsonNode execute(OdooCall call) {
        return delegate().execute(call);
    }

    @Override
    public OdooServer server() {
        return delegate().server();
    }

    private synchronized OdooClient delegate() {
        if (delegate == null) {
            OdooVersion version = detector.version(creds.url(), creds.protocol());
            delegate = ServerDetector.protocolFor(version, creds.protocol()) == OdooProtocol.JSON2
                    ? json2.apply(version) : xmlRpc.apply(version);
        }
        return delegate;
    }
}
