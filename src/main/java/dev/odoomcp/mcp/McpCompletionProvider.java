package dev.odoomcp.mcp;

import java.util.Map;
import java.util.Optional;

/** Suggests argument values for prompts and resource templates ({@code completion/complete}). */
public interface McpCompletionProvider {

    /**
     * @param refType {@code ref/prompt} or {@code ref/resource}
     * @param refName the prompt name or the resource template URI
     * @param argument the argument being completed
     * @param value what the user typed so far
     * @param previous arguments already filled in ({@code context.arguments})
     * @return suggestions, or empty when this provider does not complete that argument
     */
    Optional<McpSchema.Completion> complete(
            String refType,
            String refName,
            String argument,
            String value,
            Map<String, String> previous,
            McpRequestContext context);
}
