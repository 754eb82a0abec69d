package dev.odoomcp.odoo;

import tools.jackson.databind.JsonNode;

/**
 * One tenant's view of its Odoo for the length of one MCP request. Built per request by
 * {@link OdooClientFactory} from the caller's {@link OdooCredentials}; holds no state that
 * outlives the request (uid and version come from bounded, keyed caches).
 *
 * <p>Implementations exist per wire protocol (XML-RPC for Odoo 14–19, JSON-2 for 19+); tools
 * never need to know which one they got except through {@link #server()}.
 */
public interface OdooClient {

    /**
     * Runs one ORM method and returns its result as JSON (many2one as {@code [id, name]},
     * {@code false} for empty values, dates as strings, exactly as Odoo sends them). A method that
     * returns None answers {@link tools.jackson.databind.node.NullNode}, never an error.
     *
     * @throws OdooException with a message an LLM can act on, never containing the API key
     */
    JsonNode execute(OdooCall call);

    /** Who we are talking to: version, protocol, uid. Authenticates on first use (cached). */
    OdooServer server();

    /** The wire protocol in use once the first call chose one; never connects to find out. */
    default java.util.Optional<OdooProtocol> protocolInUse() {
        return java.util.Optional.empty();
    }
}
