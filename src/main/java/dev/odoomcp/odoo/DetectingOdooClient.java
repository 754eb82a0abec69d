package dev.odoomcp.odoo;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The client handed to tools: it connects lazily, finds the server's version and protocol on the
 * first call (cached per URL), then delegates to the protocol client. Lives for one request.
 *
 * <p>No lock is held while it talks to Odoo: the deadline's thread asks {@link #protocolInUse()}
 * while the worker may still be stuck in a lookup or a parse, and must get its answer at once.
 * Two threads detecting at the same time both ask (the detector caches per URL) and the first to
 * finish wins. Every call runs within the {@link AnswerBudget}, so the answers it read stay
 * charged until its result is handed on.
 */
final class DetectingOdooClient implements OdooClient {

    /** The protocol client and the protocol it speaks, chosen together. */
    private record Chosen(OdooClient client, OdooProtocol protocol) {}

    private final OdooCredentials creds;
    private final ServerDetector detector;
    private final Function<OdooVersion, OdooClient> xmlRpc;
    private final Function<OdooVersion, OdooClient> json2;
    private final OdooCallListener listener;
    private final AnswerBudget budget;
    private volatile Chosen chosen;

    DetectingOdooClient(
            OdooCredentials creds,
            ServerDetector detector,
            Function<OdooVersion, OdooClient> xmlRpc,
            Function<OdooVersion, OdooClient> json2,
            OdooCallListener listener,
            AnswerBudget budget) {
        this.creds = creds;
        this.detector = detector;
        this.xmlRpc = xmlRpc;
        this.json2 = json2;
        this.listener = listener;
        this.budget = budget;
    }

    @Override
    public JsonNode execute(OdooCall call) {
        long start = System.nanoTime();
        OdooErrorKind failure = OdooErrorKind.PROTOCOL_ERROR;
        listener.started();
        try {
            JsonNode result = budget.within(() -> delegate().execute(call));
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
    public Optional<OdooProtocol> protocolInUse() {
        Chosen now = chosen;
        return now == null ? Optional.empty() : Optional.of(now.protocol());
    }

    @Override
    public OdooServer server() {
        return budget.within(() -> delegate().server());
    }

    private OdooClient delegate() {
        Chosen now = chosen;
        if (now == null) {
            OdooVersion version = detector.version(creds.url(), creds.protocol());
            OdooProtocol protocol = ServerDetector.protocolFor(version, creds.protocol());
            now = new Chosen(protocol == OdooProtocol.JSON2 ? json2.apply(version) : xmlRpc.apply(version), protocol);
            chosen = now;
        }
        return now.client();
    }
}
