package dev.odoomcp.tools;

import dev.odoomcp.mcp.McpRequestContext;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.mcp.McpTool;
import dev.odoomcp.odoo.OdooCredentials;
import dev.odoomcp.odoo.OdooException;
import dev.odoomcp.security.LimitExceededException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Base of every tool that talks to the caller's Odoo. It resolves the caller's credentials from the
 * request headers once, runs the tool within its tenant's limits and deadline, and turns every failure
 * (bad arguments, missing credentials, Odoo refusals, unreachable Odoo, limits) into a tool result with
 * {@code isError} and an actionable message.
 * Results are returned as {@code structuredContent} and, for clients that read only text, as the
 * same JSON in a text block.
 */
abstract class OdooTool implements McpTool {

    protected final ToolSupport support;
    private McpSchema.Tool definition;

    OdooTool(ToolSupport support) {
        this.support = support;
    }

    /** The tool's definition (name, description, schemas, annotations). */
    protected abstract McpSchema.Tool define();

    /** Runs the tool; throws {@link ToolInputException} or {@link OdooException} on failure. */
    protected abstract JsonNode run(ToolArguments arguments, OdooSession session);

    /** Write tools are hidden and refused in read-only mode. */
    protected boolean writes() {
        return false;
    }

    @Override
    public final McpSchema.Tool definition() {
        if (definition == null) {
            definition = define();
        }
        return definition;
    }

    @Override
    public boolean isAvailable(McpRequestContext context) {
        return !writes() || !support.policy().readOnly(context.header(AccessPolicy.READ_ONLY_HEADER));
    }

    @Override
    public final McpSchema.CallToolResult call(ObjectNode json, McpRequestContext context) {
        try {
            ToolArguments arguments = new ToolArguments(json);
            boolean readOnly = support.policy().readOnly(context.header(AccessPolicy.READ_ONLY_HEADER));
            if (writes()) {
                support.policy().checkNotReadOnly(readOnly);
            }
            List<Long> companies = arguments.companyIds();
            OdooCredentials credentials = support.odoo().credentialsFrom(context::header);
            context.trace().odooTarget(credentials.url(), credentials.database());
            OdooSession session = new OdooSession(support.odoo().clientFor(credentials), credentials, readOnly,
                    companies);
            try {
                return support.withinLimits(credentials, () -> support.result(run(arguments, session)));
            } finally {
                context.trace().protocol(session.client().protocolInUse()
                        .map(p -> p.name().toLowerCase(java.util.Locale.ROOT)));
            }
        } catch (ToolInputException | OdooException | LimitExceededException e) {
            return McpSchema.CallToolResult.error(e.getMessage());
        }
    }

    /** Convenience for definitions. */
    protected static McpSchema.ToolAnnotations readOnlyAnnotations(String title) {
        return new McpSchema.ToolAnnotations(title, true, false, true, true);
    }

    protected static McpSchema.ToolAnnotations writeAnnotations(String title, boolean destructive, boolean idempotent) {
        return new McpSchema.ToolAnnotations(title, false, destructive, idempotent, true);
    }
}
