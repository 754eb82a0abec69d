package dev.odoomcp.tools.prompts;

import dev.odoomcp.mcp.McpPrompt;
import dev.odoomcp.mcp.McpRequestContext;
import dev.odoomcp.mcp.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * A prompt that walks the assistant through a common Odoo workflow with the tools. The template
 * names arguments in braces; an optional argument left out reads as its {@code fallback}.
 *
 * @param definition name, description and arguments as listed
 * @param template the instructions, with {@code {argument}} placeholders
 * @param fallbacks text used for optional arguments that were not given
 */
record WorkflowPrompt(McpSchema.Prompt definition, String template, Map<String, String> fallbacks)
        implements McpPrompt {

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([a-z_]+)}");

    static McpSchema.PromptArgument required(String name, String description) {
        return new McpSchema.PromptArgument(name, null, description, true);
    }

    static McpSchema.PromptArgument optional(String name, String description) {
        return new McpSchema.PromptArgument(name, null, description, false);
    }

    static WorkflowPrompt of(
            String name,
            String title,
            String description,
            List<McpSchema.PromptArgument> arguments,
            Map<String, String> fallbacks,
            String template) {
        return new WorkflowPrompt(new McpSchema.Prompt(name, title, description, arguments), template, fallbacks);
    }

    @Override
    public McpSchema.GetPromptResult get(Map<String, String> arguments, McpRequestContext context) {
        Map<String, String> values = new java.util.HashMap<>();
        for (McpSchema.PromptArgument argument : definition.arguments()) {
            String value = arguments.getOrDefault(argument.name(), "").strip();
            values.put(argument.name(), value.isEmpty() ? fallbacks.getOrDefault(argument.name(), "") : value);
        }
        // one pass, so a value that contains "{other}" is left as the user wrote it
        String text = PLACEHOLDER
                .matcher(template)
                .replaceAll(match ->
                        java.util.regex.Matcher.quoteReplacement(values.getOrDefault(match.group(1), match.group())));
        return new McpSchema.GetPromptResult(
                definition.description(),
                List.of(new McpSchema.PromptMessage("user", new McpSchema.TextContent(text))));
    }
}
