package dev.odoomcp.mcp;

import java.util.Map;

/** A prompt template offered through {@code prompts/list} and {@code prompts/get}. */
public interface McpPrompt {

    McpSchema.Prompt definition();

    /**
     * Fills the prompt in.
     *
     * @throws McpException with {@link JsonRpcError#INVALID_PARAMS} when a required argument is missing
     */
    McpSchema.GetPromptResult get(Map<String, String> arguments, McpRequestContext context);
}
