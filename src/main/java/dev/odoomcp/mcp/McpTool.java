package dev.odoomcp.mcp;

import tools.jackson.databind.node.ObjectNode;

/**
 * A tool the server offers through {@code tools/list} and {@code tools/call}. Spring beans of this
 * type are collected by {@link ToolCatalog}; the protocol layer knows nothing else about them.
 */
public interface McpTool {

    McpSchema.Tool definition();

    /**
     * Runs the tool. Failures the model can act on (bad arguments, Odoo refusals) come back as a
     * result with {@code isError}; only a protocol fault should throw {@link McpException}.
     */
    McpSchema.CallToolResult call(ObjectNode arguments, McpRequestContext context);

    /** Whether this caller may see and call the tool (e.g. write tools hidden in read-only mode). */
    default boolean isAvailable(McpRequestContext context) {
        return true;
    }

    default String name() {
        return definition().name();
    }
}
