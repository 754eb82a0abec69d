package dev.odoomcp.odoo;

import java.time.Duration;
import java.util.Optional;
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
    private final OdooCallListener listener;
    private OdooClient delegate;
    private OdooProtocol protocol;

    DetectingOdooClient(OdooCredentials creds, ServerDetector detector,
            Function<OdooVersion, OdooClient> xmlRpc, Function<OdooVersion, OdooClient> json2) {
        this(creds, detector, xmlRpc, json2, OdooCallListener.NONE);
    }

    DetectingOdooClient(OdooCredentials creds, ServerDetector detector, Function<OdooVersion, OdooClient> xmlRpc,
            Function<OdooVersion, OdooClient> json2, OdooCallListener listener) {
        this.creds = creds;
        this.detector = detector;
        this.xmlRpc = xmlRpc;
        this.json2 = json2;
        this.listener = listener;
    }

    @Override
    public JsonNode execute(OdooCall call) {
        long start = System.nanoTime();
        OdooErrorKind failure = OdooErrorKind.PROTOCOL_ERROR;
        listener.started();
        try {
            JsonNode result = delegate().execute(call);
            failure = null;
            return result;
        } catch (OdooException e) {
            failure = e.kind();
            throw e;
        } finally {
            listener.finished(protocolInUse().orElse(null), failure, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public synchronized Optional<OdooProtocol> protocolInUse() {
        return Optional.ofNullable(protocol);
    }

    @Override
    public OdooServer server() {
        return delegate().server();
    }

    private synchronized OdooClient delegate() {
        if (delegate == null) {
            OdooVersion version = detector.version(creds.url(), creds.protocol());
            OdooProtocol chosen = ServerDetector.protocolFor(version, creds.protocol());
            delegate = chosen == OdooProtocol.JSON2 ? json2.apply(version) : xmlRpc.apply(version);
            protocol = chosen;
        }
        return delegate;
    }
}
