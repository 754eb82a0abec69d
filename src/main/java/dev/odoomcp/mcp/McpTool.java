package dev.odoomcp.mcp;

import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool the server offers through {@code tools/list} and {@code tools/call}. Spring beans of this
 * type are collected by {@link ToolCatalog}; the protocol layer knows nothing else about them.
 */
public interface McpTool {

    McpSchema.Tool definition();

    /**
     * Runs the tool. Failures the model can act on (bad arguments, Odoo refusals) come back as a
     * result with {@code isError}; only a protocol fault should throw {@link McpException}. An
     * {@link McpSchema.InputRequiredResult} may be answered only when {@link McpRequestContext#canElicitForms()}.
     */
    McpSchema.ToolResponse call(ObjectNode arguments, McpRequestContext context);

    /**
     * Why this caller may neither see nor call the tool (e.g. a write tool in read-only mode), or empty
     * when it may. A call to an unavailable tool answers this reason as a tool error.
     */
    default Optional<String> unavailableReason(McpRequestContext context) {
        return Optional.empty();
    }

    default String name() {
        return definition().name();
    }
}
