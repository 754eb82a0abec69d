package dev.odoomcp.mcp;

import java.util.List;
import java.util.Optional;

/** A source of resources ({@code resources/list}, {@code resources/templates/list}, {@code resources/read}). */
public interface McpResourceProvider {

    /** Concrete resources this provider lists for the caller (may be empty when only templates exist). */
    List<McpSchema.Resource> resources(McpRequestContext context);

    List<McpSchema.ResourceTemplate> templates();

    /** Reads a URI, or answers empty when the URI is not this provider's. */
    Optional<McpSchema.ReadResourceResult> read(String uri, McpRequestContext context);
}
